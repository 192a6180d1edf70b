/** Item summaries: the plain text of a section's first paragraph, shortened at a character boundary. */
import { cleanText } from './xml-text.ts'

/** Summaries longer than this many user-perceived characters are cut and end with an ellipsis. */
export const SUMMARY_LENGTH = 200

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Collapses whitespace and cuts at a grapheme boundary (never inside a surrogate pair or an emoji sequence);
 * for spaced scripts the cut moves back to a word boundary when one is near.
 */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  const flat = cleanText(text).replace(/\s+/g, ' ').trim()
  const chars = Array.from(graphemes.segment(flat), (s) => s.segment)
  if (chars.length <= max) return flat
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  const head = space > cut.length - 20 && space > 0 ? cut.slice(0, space) : cut
  return `${head.trimEnd()}…`
}
