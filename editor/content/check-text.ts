/** Rules every piece of editor text obeys: no control or bidi-override characters, sane lengths, no placeholders. */

/** C0 controls except LF, DEL, C1 controls, and the bidi embedding/override/isolate characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const FORBIDDEN = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u

/** One pass over a whole file, so clean files (nearly all) skip the per-line search. */
export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN.test(text)
}

/** A message for the first forbidden character in a line, or undefined when the line is clean. */
export function controlCharacterProblem(line: string): string | undefined {
  const m = FORBIDDEN.exec(line)
  if (!m) return undefined
  const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  const what =
    code === '0009' ? 'a tab' : /^20(2[A-E]|6[6-9])$/.test(code) ? 'a bidi control' : 'a control character'
  return `${what} (U+${code}) at column ${m.index + 1}; delete it (it is invisible and can disguise text)`
}

/** The length limits from FORMAT.md, counted in Unicode code points. */
export const LIMITS = {
  title: 200,
  dek: 500,
  heading: 200,
  paragraph: 20_000,
  caption: 1_000,
  alt: 500,
  name: 100,
  tag: 100,
  sections: 500,
  photos: 100,
} as const

/** Code point length, so one CJK character or emoji counts as one. */
export function lengthOf(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** A message when `text` is longer than `max`, naming the field. */
export function lengthProblem(field: string, text: string, max: number): string | undefined {
  // UTF-16 length bounds the code point count from above: count only when it could be too long.
  if (text.length <= max) return undefined
  const n = lengthOf(text)
  return n > max ? `${field} is ${n} characters long (at most ${max}); shorten it` : undefined
}

/** content:import writes `TODO…` where it could not decide; such a value must never be published. */
export function isPlaceholder(value: string): boolean {
  return /^TODO\b/i.test(value)
}

/** `<` then a letter, `/`, `!` or `?` starts a tag, end tag, comment or processing instruction; `a < b` does not. */
const MARKUP = /<[A-Za-z/!?][^<>\s]{0,30}>?/

/**
 * Text fields are plain text (FORMAT.md): every output escapes them, so markup would show as literal tags,
 * and feed validators warn on markup-looking text. A message naming the field, or undefined when clean.
 */
export function markupProblem(field: string, text: string): string | undefined {
  const m = MARKUP.exec(text)
  if (!m) return undefined
  return `${field} is plain text; remove the markup "${m[0]}" (for a less-than sign write "< " with a space)`
}
