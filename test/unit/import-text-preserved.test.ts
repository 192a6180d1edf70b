/** The importer never invents or drops text: every source character survives, in order within each moved part. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importPrintText } from '../../editor/import/import-print-text.ts'
import {
  importedText,
  missingFrom,
  readImported,
  stripSpace,
  unmarkPhoto,
} from '../fixtures/import/imported-text.ts'

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

/** A small seeded generator (mulberry32): the same seed always gives the same exports, so a failure reproduces. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T
  return { next, int, pick }
}

const HEADINGS = [
  '开放高地建设谱写新篇章',
  '“绿水青山就是金山银山”',
  '乡村振兴有“新路”',
  '二、产业兴旺“加速跑”',
  '（三）民生答卷',
  '“要发挥好支撑作用，就是要夯基垒台”',
  '记者手记',
  'A new road for the valley',
]
const SENTENCES = [
  '綦江区将持续在扩大城市规模、提升城市能级等方面下功夫。',
  '“现在的日子越过越好了。”村民说。',
  '全区乡村旅游接待游客超过500万人次,同比增长30%。',
  '形成“重要支点”对“主城都市区”的有效支撑!',
  '重联动、重协同、重“1+1>2”,以发展凝心聚力。',
  'The bridge opened in May (two years early).',
]
const NAMES = ['李四', '王五', '陈 刚', '欧阳明', '刘柳吟', 'Shi Liang']
const LABELS = ['记者', '通讯员', '摄影记者', '特约撰稿', '本报记者']

function generatedExport(seed: number): string {
  const r = random(seed)
  const credit = () => {
    const name = r.pick(NAMES)
    return /[A-Z]/.test(name) ? `${r.pick(['staff', 'correspondent'])} ${name}` : `${r.pick(LABELS)} ${name}`
  }
  const byline = () => {
    const credits = Array.from({ length: 1 + r.int(3) }, credit).join(' ')
    return r.pick([`文/${credits}`, credits, `（${credits}）`, `文／${credits}`])
  }
  const photo = () =>
    r.pick([
      `▲${r.pick(['綦城云海。', '车间一角', '夜色中的大桥。'])}${credit()} 摄`,
      `▲无署名的图片说明`,
      `${r.pick(['东溪古镇的老街。', '高新区一角。'])}（${credit()} 摄）`,
    ])
  const paragraph = () => {
    const text = Array.from({ length: 1 + r.int(3) }, () => r.pick(SENTENCES)).join('')
    if (r.next() < 0.3) {
      const chars = [...text]
      const at = 1 + r.int(chars.length - 1)
      return `${chars.slice(0, at).join('')}\n\n${chars.slice(at).join('')}`
    }
    return text
  }
  const blocks: string[] = ['乡村振兴的綦江答卷']
  if (r.next() < 0.3) blocks.push('——东溪古镇保护利用纪实')
  const bylineAt = r.int(3) // 0: after the headline, 1: after the sections, 2: none
  if (bylineAt === 0) blocks.push(byline())
  if (r.next() < 0.5) blocks.push(paragraph())
  for (let s = 0, n = 1 + r.int(4); s < n; s++) {
    if (r.next() < 0.4) blocks.push(photo())
    blocks.push(r.pick(HEADINGS))
    for (let p = 0, m = 1 + r.int(3); p < m; p++) {
      blocks.push(paragraph())
      if (r.next() < 0.15) blocks.push(photo())
    }
  }
  if (bylineAt === 1) blocks.push(byline(), paragraph())
  for (let g = r.int(3); g > 0; g--) blocks.push(photo())
  return blocks.join(r.pick(['\n\n', '\n', '\n\n\n']))
}

describe('importPrintText on generated print exports', () => {
  const isPhotoSource = (l: string) => /^[▲△]|摄\s*[）)]?\s*$/u.test(l)
  it.each(Array.from({ length: 150 }, (_, i) => i + 1))(
    'export #%i: drops no character and invents none (markers and whitespace aside)',
    (seed) => {
      const source = generatedExport(seed)
      const text = stripSpace(
        source
          .split('\n')
          .map((l) => l.trim())
          .map((l) => (isPhotoSource(l) ? unmarkPhoto(l) : l))
          .join(''),
      )
      const { markdown } = importPrintText(source)
      expect(readImported(markdown).problems).toEqual([])
      const output = importedText(markdown)
      expect(missingFrom(text, output)).toEqual([])
      expect(missingFrom(output, text)).toEqual([])
    },
  )
})
