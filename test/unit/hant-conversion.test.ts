/** The zh-TW edition's conversion: the golden pitfalls and the seed's names, through the real glossary in content/. */
import { describe, expect, it } from 'vitest'
import { convertArticle, HANT_LANG } from '../../editor/hant/convert-article.ts'
import { createHantConverter } from '../../editor/hant/create-hant-converter.ts'
import { readGlossary } from '../../editor/hant/read-glossary.ts'
import { taiwanPunctuation } from '../../editor/hant/taiwan-punctuation.ts'
import { buildArticle } from '../fixtures/build-article.ts'

const glossary = readGlossary('content')
const convert = createHantConverter(glossary.entries)

describe('content/glossary.txt', () => {
  it('parses without problems', () => {
    expect(glossary.problems).toEqual([])
  })
})

describe('Simplified → Traditional (Taiwan) conversion', () => {
  // Each row: the Simplified text, what the zh-TW edition must print. OpenCC alone gets the first two wrong.
  const golden: [string, string][] = [
    ['发明被发明了', '發明被發明了'],
    ['这台机器去干扰信号', '這臺機器去干擾信號'],
    ['他随后并成立了公司', '他隨後並成立了公司'],
    ['以后再说，皇后来了', '以後再說，皇后來了'],
    ['这里离县城十公里', '這裡離縣城十公里'],
    ['几个人围着茶几', '幾個人圍著茶几'],
    ['头发和干部、干燥', '頭髮和幹部、乾燥'],
    ['吉林省乾安县', '吉林省乾安縣'],
    ['湖北松滋', '湖北松滋'],
    ['綦江与万盛', '綦江與萬盛'],
    ['綦万“三化”发展', '綦萬「三化」發展'],
    ['文/记者 刘柳吟', '文/記者 劉柳吟'],
    ['记者 石亮', '記者 石亮'],
    ['记者 陈星宇', '記者 陳星宇'],
    ['记者 刘骏晓', '記者 劉駿曉'],
    ['通讯员 罗胜', '通訊員 羅勝'],
    ['通讯员 王大椿', '通訊員 王大椿'],
    // The longer name wins over the phrase inside it: the valley keeps its official name.
    ['打造西部信息安全谷，提供信息安全服务', '打造西部信息安全谷，提供資訊安全服務'],
    ['重联动、重协同、重“1+1>2”', '重聯動、重協同、重「1+1>2」'],
  ]
  it.each(golden)('%s → %s', (simplified, traditional) => {
    expect(convert(simplified)).toBe(traditional)
  })

  it('keeps OpenCC out of what the glossary protects: an entry is written exactly as the glossary says', () => {
    const custom = createHantConverter([{ simplified: '发', traditional: '髮', kind: 'phrases', line: 1 }])
    expect(custom('发展')).toBe('髮展')
    expect(createHantConverter([])('被发明')).toBe('被髮明')
  })
})

describe('taiwanPunctuation', () => {
  it('sets “” as 「」 and ‘’ as 『』, nested', () => {
    expect(taiwanPunctuation('他说：“要‘三化’。”')).toBe('他说：「要『三化』。」')
  })
  it('leaves an apostrophe with no opening mark alone', () => {
    expect(taiwanPunctuation('Xi’an 西安')).toBe('Xi’an 西安')
  })
})

describe('convertArticle', () => {
  it('converts every text a reader sees and keeps ids, times and media', () => {
    const source = buildArticle({
      title: '綦江发展',
      dek: '万盛“三化”',
      tags: ['綦江', '万盛'],
      byline: { role: 'staff', name: '刘柳吟' },
      contributors: [{ role: 'correspondent', name: '罗胜' }],
      corrections: [{ date: '2020-12-23T08:00:00+08:00', text: '更正：万盛' }],
      lede: ['导语里'],
    })
    const hant = convertArticle(source, convert)
    expect(hant.lang).toBe(HANT_LANG)
    expect([hant.title, hant.dek, hant.tags, hant.byline.name, hant.contributors?.[0]?.name]).toEqual([
      '綦江發展',
      '萬盛「三化」',
      ['綦江', '萬盛'],
      '劉柳吟',
      '羅勝',
    ])
    expect(hant.corrections?.[0]).toEqual({ date: '2020-12-23T08:00:00+08:00', text: '更正：萬盛' })
    expect(hant.lede).toEqual(['導語裡'])
    const [s, t] = [source.sections[0], hant.sections[0]]
    expect(t?.id).toBe(s?.id)
    expect(t?.updated).toBe(s?.updated)
    expect(t?.heading).toBe(convert(s?.heading ?? ''))
    expect(t?.paragraphs).toEqual(s?.paragraphs.map(convert))
    const [p, q] = [s?.photos[0], t?.photos[0]]
    expect(q?.renditions).toEqual(p?.renditions)
    expect([q?.alt, q?.caption, q?.credit.name]).toEqual(
      [p?.alt, p?.caption, p?.credit.name].map((x) => convert(x ?? '')),
    )
    expect([hant.slug, hant.published, hant.updated]).toEqual([source.slug, source.published, source.updated])
  })
})
