/** Item summaries: the plain text of a section's first paragraph, shortened at a grapheme boundary. */
import { cleanText } from './xml-text.ts'

/** Summaries longer than this many user-perceived characters are cut and end with an ellipsis. */
export const SUMMARY_LENGTH = 200

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Code points that form one user-perceived character with a neighbour: combining marks, joiners, variation
 * selectors, emoji modifiers and tags, regional-indicator pairs, conjoining jamo. Text without any (most news
 * text) has one grapheme per code point and needs no Intl.Segmenter, which was most of the time of rendering a
 * 50-item feed.
 */
const COMPOSES =
  /\p{M}|\u200C|\u200D|[\uFE00-\uFE0F]|[\u1160-\u11FF]|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]|[\u{E0020}-\u{E007F}]/u

/** The first `count` graphemes of `text` (fewer when it is shorter). */
function firstGraphemes(text: string, count: number): string[] {
  if (!COMPOSES.test(text)) return Array.from(text.slice(0, count * 2)).slice(0, count)
  const out: string[] = []
  for (const { segment } of graphemes.segment(text)) {
    if (out.length === count) break
    out.push(segment)
  }
  return out
}

/**
 * Collapses whitespace and cuts at a grapheme boundary (never inside a surrogate pair or an emoji sequence);
 * for spaced scripts the cut moves back to a word boundary when one is near.
 */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  const flat = cleanText(text).replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat // a grapheme is at least one UTF-16 unit
  const chars = firstGraphemes(flat, max + 1)
  if (chars.length <= max) return flat
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  const head = space > cut.length - 20 && space > 0 ? cut.slice(0, space) : cut
  return `${head.trimEnd()}…`
}
