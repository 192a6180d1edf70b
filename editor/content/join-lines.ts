/** Joins the lines of one paragraph the way a reader expects in mixed CJK and Latin text. */

/** Han, kana, hangul, CJK punctuation and full-width forms: scripts written without spaces between words. */
export const WIDE =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u

/** Trims each line and joins them: nothing at a CJK boundary (a line break is not a space there), one space otherwise. */
export function joinLines(lines: readonly string[]): string {
  let out = ''
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    if (out && !WIDE.test(out.slice(-1)) && !WIDE.test(line.charAt(0))) out += ' '
    out += line
  }
  return out
}
