/** importPrintText on print exports other than the seed: quoted headings, several credits, byline placements. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCredits } from '../../editor/content/parse-credit.ts'
import { importPrintText } from '../../editor/import/import-print-text.ts'
import {
  importedText,
  missingFrom,
  readImported,
  stripSpace,
  unmarkPhoto,
} from '../fixtures/import/imported-text.ts'

const DIR = 'test/fixtures/print-exports'
const EXPORTS = ['quoted-headings', 'byline-after-spaced-name', 'closing-bracket-byline'] as const

function importExport(name: (typeof EXPORTS)[number]) {
  const source = readFileSync(`${DIR}/${name}.txt`, 'utf8')
  const { markdown, notes } = importPrintText(source)
  const read = readImported(markdown)
  const credits = (value: string | undefined) => {
    const parsed = parseCredits(value ?? '')
    return 'credits' in parsed ? parsed.credits : parsed.problem
  }
  return {
    source,
    markdown,
    notes,
    ...read,
    byline: credits(read.fm.fields.byline?.value),
    credits,
    headings: read.body.sections.map((s) => s.heading),
    lede: read.body.lede.map((p) => p.text),
  }
}

describe('importPrintText on other print exports', () => {
  it.each(EXPORTS)('%s reads back without structural problems', (name) => {
    expect(importExport(name).problems).toEqual([])
  })

  it.each(EXPORTS)('%s keeps every character and invents none (markers and whitespace aside)', (name) => {
    const { source, markdown } = importExport(name)
    const text = stripSpace(
      source
        .split('\n')
        .map((l) => (/^[▲△]|摄\s*[）)]?\s*$/u.test(l.trim()) ? unmarkPhoto(l.trim()) : l))
        .join(''),
    )
    expect(missingFrom(text, importedText(markdown))).toEqual([])
    expect(missingFrom(importedText(markdown), text)).toEqual([])
  })

  it('takes a whole quotation and a heading with quotation marks as section headings, numbered ones too', () => {
    expect(importExport('quoted-headings').headings).toEqual([
      '“绿水青山就是金山银山”',
      '乡村振兴有“新路”',
      '三、产业兴旺“加速跑”',
    ])
  })

  it('reads a byline with two people and two roles before the text, keeping each role', () => {
    const { byline, lede } = importExport('quoted-headings')
    expect(byline).toEqual([
      { role: 'staff', name: '李四' },
      { role: 'correspondent', name: '王五' },
    ])
    expect(lede).toEqual(['今年以来，綦江区坚持农业农村优先发展，乡村面貌持续改善。'])
  })

  it('attaches a photo line just before a heading to the section that follows', () => {
    const { body } = importExport('quoted-headings')
    expect(body.sections.map((s) => s.photos.map((p) => p.fields.caption?.value))).toEqual([
      [],
      ['横山镇的茶园。'],
      [],
    ])
    expect(body.gallery.map((p) => p.fields.credit?.value)).toEqual(['通讯员 王五'])
  })

  it('reads a byline after the text as byline and the paragraphs after it as the lede, with a spaced name', () => {
    const { byline, lede, fm, headings } = importExport('byline-after-spaced-name')
    expect(byline).toEqual([{ role: 'staff', name: '陈刚' }])
    expect(fm.fields.byline?.value).toBe('本报记者 陈 刚')
    expect(lede).toEqual(['初冬时节，走进东溪古镇，青石板路蜿蜒向前，古色古香的建筑错落有致。'])
    expect(headings).toEqual(['“修旧如旧，留住乡愁”', '游客回来了'])
  })

  it('takes the dash line under the headline as the dek and reads spaced and bracketed photo credits', () => {
    const { fm, body, credits } = importExport('byline-after-spaced-name')
    expect(fm.fields.dek?.value).toBe('——东溪古镇保护利用纪实')
    const photos = [...body.sections.flatMap((s) => s.photos), ...body.gallery]
    expect(photos.map((p) => [p.fields.caption?.value, credits(p.fields.credit?.value)])).toEqual([
      ['东溪古镇的老街。', [{ role: 'staff', name: '陈刚' }]],
      ['古镇夜景。', [{ role: 'correspondent', name: '欧阳明' }]],
    ])
  })

  it('reads a closing byline in brackets without moving what follows into the lede', () => {
    const { byline, lede, headings, body } = importExport('closing-bracket-byline')
    expect(byline).toEqual([
      { role: 'staff', name: '张三' },
      { role: 'correspondent', name: '赵六' },
    ])
    expect(lede).toEqual(['渝黔高速公路复线綦江段建设进入最后冲刺阶段。'])
    expect(headings).toEqual(['记者手记', '建成后的意义'])
    expect(body.sections[1]?.paragraphs.map((p) => p.text).at(-1)).toBe('綦江区交通局供图')
  })
})
