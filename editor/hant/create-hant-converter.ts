/**
 * Simplified → Traditional (Taiwan) text conversion for the zh-TW edition: the newsroom glossary first, OpenCC's
 * `cn` → `tw` tables for the rest, then Taiwan's quotation marks. Node only: the tables are about 1 MB and must
 * never reach the Worker or the widget (publish writes converted values).
 *
 * Why `tw` and not `twp`: `twp` adds OpenCC's Taiwan vocabulary table, written for computing terms. On the seed it
 * turned 循环经济 into 迴圈經濟 (a program loop), 溢出 into 溢位, 优化 into 最佳化, 窗口 into 視窗, 支持 into 支援,
 * 批量生产 into 批次生產 and the name 西部信息安全谷 into 西部資訊安全谷. `tw` converts characters by OpenCC's phrase
 * tables (发展 → 發展, 头发 → 頭髮) and Taiwan's variant forms (裏 → 裡); the few Taiwan wordings a newsroom wants
 * (信息安全 → 資訊安全) are glossary phrases, where the desk decides them.
 */
import { createGlossaryMatcher } from './glossary-matcher.ts'
import { lazyOpenccConverter, openccConfig } from './lazy-opencc.ts'
import type { GlossaryEntry } from './parse-glossary.ts'
import { taiwanPunctuation } from './taiwan-punctuation.ts'

/** A text converter for one glossary: `(simplified) => traditional`. */
export type HantConverter = (text: string) => string

let openccTw: ((text: string) => string) | undefined

/** OpenCC's `cn` → `tw` converter (opencc-js's `s2tw`), one per process: its tables load as texts need them. */
function opencc(): (text: string) => string {
  openccTw ??= lazyOpenccConverter(openccConfig('s2tw'))
  return openccTw
}

/** Builds the converter: glossary terms are cut out before OpenCC sees the text and written as the glossary says. */
export function createHantConverter(glossary: readonly GlossaryEntry[]): HantConverter {
  const convert = opencc()
  const matcher = createGlossaryMatcher(glossary)
  return (text) => {
    const matches = matcher.matches(text)
    let out = ''
    let from = 0
    for (const m of matches) {
      if (m.start > from) out += convert(text.slice(from, m.start))
      out += m.entry.traditional
      from = m.end
    }
    if (from < text.length) out += convert(from === 0 ? text : text.slice(from))
    return taiwanPunctuation(out)
  }
}
