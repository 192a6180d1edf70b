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

/**
 * Where a text of more than `max` graphemes is cut: the length (UTF-16 units) of its first `max - 1` graphemes;
 * null when it has no more than `max`. Without composing code points a grapheme is one code point, counted in
 * place without building any array.
 */
function cutAt(text: string, max: number): number | null {
  let seen = 0
  let cut = 0
  let at = 0
  if (COMPOSES.test(text)) {
    for (const { segment } of graphemes.segment(text)) {
      if (seen === max) return cut
      if (++seen === max - 1) cut = at + segment.length
      at += segment.length
    }
    return null
  }
  while (at < text.length) {
    if (seen === max) return cut
    const code = text.codePointAt(at) ?? 0
    at += code > 0xffff ? 2 : 1
    if (++seen === max - 1) cut = at
  }
  return null
}

/**
 * Collapses whitespace and cuts at a grapheme boundary (never inside a surrogate pair or an emoji sequence);
 * for spaced scripts the cut moves back to a word boundary when one is near.
 */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  const flat = cleanText(text).replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat // a grapheme is at least one UTF-16 unit
  const end = cutAt(flat, max)
  if (end === null) return flat
  const cut = flat.slice(0, end)
  const space = cut.lastIndexOf(' ')
  const head = space > cut.length - 20 && space > 0 ? cut.slice(0, space) : cut
  return `${head.trimEnd()}…`
}
