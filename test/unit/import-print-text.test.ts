/** importPrintText on the seed print export: structure, rejoined paragraphs, no lost character, determinism. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { LineProblem } from '../../editor/content/line-problem.ts'
import { parseBody } from '../../editor/content/parse-body.ts'
import { parseFrontMatter } from '../../editor/content/parse-front-matter.ts'
import { importPrintText } from '../../editor/import/import-print-text.ts'

const SEED = 'test/fixtures/content/seed-print-000_6356c52bb20637ed.txt'
const seedText = () => readFileSync(SEED, 'utf8')

/** Imports the seed and reads the result back with the content parser (placeholders are values like any other). */
function importSeed() {
  const { markdown, notes } = importPrintText(seedText())
  const lines = markdown.split('\n')
  const problems: LineProblem[] = []
  const fm = parseFrontMatter(lines, problems)
  const body = parseBody(lines, fm.bodyStart, problems)
  return { markdown, notes, fm, body, problems }
}

describe('importPrintText on the seed', () => {
  it('writes a file the content parser reads without structural problems', () => {
    expect(importSeed().problems).toEqual([])
  })

  it('takes the first line as headline and 文/记者 刘柳吟 as byline', () => {
    const { fm } = importSeed()
    expect(fm.fields.title?.value).toBe('一个主城都市区的重要战略支点')
    expect(fm.fields.byline?.value).toBe('文/记者 刘柳吟')
    expect(fm.fields.lang?.value).toBe('zh-CN')
  })

  it('finds the 3 sections with their headings and paragraph counts', () => {
    const { body } = importSeed()
    expect(body.sections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
      ['綦万“三化”发展注入新动能', 3],
      ['开放高地建设谱写新篇章', 6],
      ['工业转型升级交出新答卷', 9],
    ])
  })

  it('attaches one photo to each section and puts the last three in the gallery, with roles and names', () => {
    const { body } = importSeed()
    const show = (p: (typeof body.gallery)[number]) =>
      `${p.fields.caption?.value} | ${p.fields.credit?.value}`
    expect(body.sections.map((s) => s.photos.map(show))).toEqual([
      ['綦江城区一景。 | 记者 石亮'],
      ['智能化车间一角。 | 记者 陈星宇'],
      ['綦江区腾讯云科创中心。 | 记者 刘骏晓'],
    ])
    expect(body.gallery.map(show)).toEqual([
      '高新区一角。 | 通讯员 罗胜',
      '海塑建材生产车间掠影。 | 记者 陈星宇',
      '綦城云海。 | 通讯员 王大椿',
    ])
  })

  it('copies each caption into alt and leaves TODO placeholders for slug, date and images', () => {
    const { fm, body } = importSeed()
    const photos = [...body.sections.flatMap((s) => s.photos), ...body.gallery]
    for (const p of photos) expect(p.fields.alt?.value).toBe(p.fields.caption?.value)
    expect(photos.map((p) => p.src)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `TODO-image-${n}`))
    expect(fm.fields.slug?.value).toBe('TODO-choose-an-ascii-slug')
    expect(fm.fields.published?.value).toMatch(/^TODO/)
  })

  it('puts the two paragraphs after the byline in the lede', () => {
    const { body } = importSeed()
    const source = seedText().split('\n')
    expect(body.lede.map((p) => p.text)).toEqual([source[74], source[76]])
  })

  it.each([
    '綦江将以产业协同协作、交通互联互通',
    '公共大数据国家实验室重庆分部',
    '成效初显,綦岸盐运文化博物馆建成投用',
    '加快綦万“三化”发展打造主城都市区重要支点联席会议',
    '《永桐新城功能策划暨空间总体规划》',
    '重型载重车走向大江南北。',
    '《綦江区“十四五”渝黔合作先行示范区建设规划》',
  ])('rejoins the paragraph the print columns split at %s', (joined) => {
    const paragraphs = importSeed().body.sections.flatMap((s) => s.paragraphs.map((p) => p.text))
    expect(paragraphs.filter((p) => p.includes(joined))).toHaveLength(1)
  })

  it('gives section ids from the heading hash, not from position', () => {
    const { body } = importSeed()
    expect(body.sections.map((s) => s.id)).toEqual(['s-b02ff4', 's-d320d3', 's-584dc2'])
    const swapped = importPrintText(
      '标题\n\n第二节标题\n\n乙。\n\n綦万“三化”发展注入新动能\n\n甲。\n',
    ).markdown
    expect(swapped).toContain('## 綦万“三化”发展注入新动能 {#s-b02ff4}')
  })

  it('says on stderr what it guessed: attachments, the gallery, the lede, slug, date and alt', () => {
    const { notes } = importSeed()
    const about = (text: string) => notes.filter((n) => n.includes(text))
    expect(about('attached to that section')).toHaveLength(3)
    expect(about('belongs to no section')).toHaveLength(3)
    expect(about('joined to the paragraph')).toHaveLength(7)
    expect(about('written as byline and lede')).toHaveLength(1)
    expect(about('slug:')).toHaveLength(1)
    expect(about('published:')).toHaveLength(1)
    expect(about('alt: copied from the caption for all 6 photos')).toHaveLength(1)
  })

  it('is deterministic', () => {
    expect(importPrintText(seedText())).toEqual(importPrintText(seedText()))
  })
})
