/** Finds half-width punctuation among Chinese text (`支点,要`) and gives the full-width form a copy desk would set. */
import { WIDE } from './join-lines.ts'

/** The full-width form of each half-width mark the copy desk replaces among CJK text. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
}

/** One replacement: the UTF-16 index in the text, the mark and its full-width form. */
export interface PunctuationFix {
  index: number
  from: string
  to: string
}

/** Chinese quotation marks are shared with Western text, but beside a CJK character they belong to it. */
const QUOTE = /[“”‘’]/u
const isWide = (c: string | undefined) => c !== undefined && WIDE.test(c)
const isCjkContext = (c: string | undefined) => isWide(c) || (c !== undefined && QUOTE.test(c))

/**
 * Every half-width `,;:?!` with CJK on both sides or CJK before and a digit or letter right after (`?` and `!` also
 * at the end after CJK), and `(…)` around CJK.
 */
export function findHalfWidth(text: string): PunctuationFix[] {
  const fixes: PunctuationFix[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (!',;:?!'.includes(c)) continue
    const before = text.charAt(i - 1) || undefined
    const after = text.charAt(i + 1) || undefined
    const between = isCjkContext(before) && isCjkContext(after) && (isWide(before) || isWide(after))
    // 据悉,1—11月份: after Chinese text, a mark followed at once by a digit or letter is Chinese punctuation too.
    const beforeAlnum = isWide(before) && after !== undefined && /[\p{L}\p{N}]/u.test(after)
    const atEnd = after === undefined && '?!'.includes(c) && isWide(before)
    if (between || beforeAlnum || atEnd) fixes.push({ index: i, from: c, to: FULL_WIDTH[c] ?? c })
  }
  for (const m of text.matchAll(/\(([^()]*)\)/gu)) {
    const inner = m[1] ?? ''
    const before = text.charAt(m.index - 1) || undefined
    const after = text.charAt(m.index + m[0].length) || undefined
    const innerWide = isWide(inner.charAt(0)) || isWide(inner.charAt(inner.length - 1))
    if (innerWide && (before === undefined || isCjkContext(before) || isCjkContext(after)))
      fixes.push(
        { index: m.index, from: '(', to: '（' },
        { index: m.index + m[0].length - 1, from: ')', to: '）' },
      )
  }
  return fixes.sort((a, b) => a.index - b.index)
}

/** The text with every fix applied; nothing else changes (each fix replaces one character by one). */
export function applyFixes(text: string, fixes: readonly PunctuationFix[]): string {
  let out = ''
  let at = 0
  for (const f of fixes) {
    out += text.slice(at, f.index) + f.to
    at = f.index + f.from.length
  }
  return out + text.slice(at)
}
