/** The importer never invents or drops text: every source character survives, in order within each moved part. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importPrintText } from '../../editor/import/import-print-text.ts'

const SEED = 'test/fixtures/content/seed-print-000_6356c52bb20637ed.txt'

/** Whitespace (including the ideographic space) is layout, not text. */
const strip = (s: string) => s.replace(/[\s\u3000]/gu, '')
/** A photo line without its print markers: ▲ in front, 摄 at the end. */
const unmark = (line: string) => line.replace(/^▲/, '').replace(/摄\s*$/, '')

/** True when `needle`'s code points appear in `hay` in the same order (gaps allowed). */
function isSubsequence(needle: string, hay: string): boolean {
  const h = [...hay]
  let at = 0
  for (const c of needle) {
    at = h.indexOf(c, at)
    if (at < 0) return false
    at++
  }
  return true
}

function counts(s: string): Map<string, number> {
  const m = new Map<string, number>()
  for (const c of s) m.set(c, (m.get(c) ?? 0) + 1)
  return m
}

describe('importPrintText keeps every character of the seed', () => {
  const source = readFileSync(SEED, 'utf8').split('\n')
  const output = strip(importPrintText(source.join('\n')).markdown)
  const bylineAt = source.findIndex((l) => l.startsWith('文/记者'))
  const isPhoto = (l: string) => l.startsWith('▲')

  it('keeps every character (markers and whitespace aside) at least as often as the source has it', () => {
    const have = counts(output)
    const missing = [...counts(strip(source.map((l) => (isPhoto(l) ? unmark(l) : l)).join('')))].filter(
      ([c, n]) => (have.get(c) ?? 0) < n,
    )
    expect(missing).toEqual([])
  })

  it('keeps headline, headings and section paragraphs in source order', () => {
    const text = strip(
      source
        .slice(0, bylineAt)
        .filter((l) => !isPhoto(l))
        .join(''),
    )
    expect(text.length).toBeGreaterThan(2000)
    expect(isSubsequence(text, output)).toBe(true)
  })

  it('keeps the byline and the lede after it in source order', () => {
    const text = strip(
      source
        .slice(bylineAt)
        .filter((l) => !isPhoto(l))
        .join(''),
    )
    expect(text.startsWith('文/记者刘柳吟綦江高新区')).toBe(true)
    expect(isSubsequence(text, output)).toBe(true)
  })

  it('keeps every caption and credit, in source order', () => {
    const text = strip(source.filter(isPhoto).map(unmark).join(''))
    expect(text).toContain('綦江城区一景。记者石亮')
    expect(isSubsequence(text, output)).toBe(true)
  })

  it('finds nothing in order that is not there (the check can fail)', () => {
    expect(isSubsequence(strip('南北走向大江'), output.slice(0, output.indexOf('南北') + 2))).toBe(false)
  })
})

describe('importPrintText on a conventional layout', () => {
  const text = [
    '标题在这里',
    '文/记者 张三',
    '导语第一段，说明全文。',
    '第一节',
    '第一段。',
    '▲车间里的工人。摄影记者 李四 摄',
    '第二段说明了当地企业的转型，并且',
    '更多的情况。',
    '第二节',
    '最后一段。',
    '▲无署名的图片说明',
  ].join('\n\n')

  it('reads byline and lede before the sections, and a photo between paragraphs stays in its section', () => {
    const { markdown, notes } = importPrintText(text)
    expect(markdown).toContain('byline: 文/记者 张三\n')
    expect(markdown).toMatch(
      /---\n\n导语第一段，说明全文。\n\n## 第一节 \{#s-[0-9a-f]{6}\}\n\n::: photo TODO-image-1\n/,
    )
    expect(markdown).toContain('caption: 车间里的工人。\ncredit: 摄影记者 李四\n')
    expect(markdown).toContain('第二段说明了当地企业的转型，并且更多的情况。')
    expect(
      notes.some((n) => n.includes('stands between paragraphs: attached to the section around it')),
    ).toBe(true)
  })

  it('keeps a photo line without a credit as caption and says so', () => {
    const { markdown, notes } = importPrintText(text)
    expect(markdown).toContain(
      '# Photos\n\n::: photo TODO-image-2\nalt: 无署名的图片说明\ncaption: 无署名的图片说明\ncredit: TODO-ROLE-NAME\n',
    )
    expect(notes).toContain('photo 2: no credit found in "无署名的图片说明"; write ROLE NAME, e.g. 记者 石亮')
  })
})
