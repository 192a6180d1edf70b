/** OpenCC's tables loaded as texts need them convert exactly as opencc-js's own converter, which loads them all. */
import { readFileSync } from 'node:fs'
import { Converter, Trie } from 'opencc-js/cn2t'
import { describe, expect, it } from 'vitest'
import { lazyOpenccConverter, type OpenccConfig, openccConfig } from '../../editor/hant/lazy-opencc.ts'

const full = Converter({ from: 'cn', to: 'tw' })
const config = openccConfig('s2tw')
const tables = [
  ...new Set([...(config.normalizationChain ?? []), config.segmentation, ...config.conversionChain].flat()),
]
const keys = tables.flatMap((t) => t.split('|').map((entry) => entry.split(' ')[0] ?? ''))
const lazyTw = () => lazyOpenccConverter(config)

/** opencc-js's composition of a configuration (normalise, segment, convert each piece by each stage), full tries. */
function eager(c: OpenccConfig): (text: string) => string {
  const trie = (group: readonly string[]) => {
    const t = new Trie()
    t.loadDictGroup(group)
    return t
  }
  const normalize = (c.normalizationChain ?? []).map(trie)
  const segmentation = trie(c.segmentation)
  const chain = c.conversionChain.map(trie)
  return (text) => {
    const normal = normalize.reduce((t, n) => n.convert(t), text)
    return chain.reduce((pieces, t) => pieces.map((p) => t.convert(p)), segmentation.segment(normal)).join('')
  }
}

describe('OpenCC cn → tw with tables loaded per prefix', () => {
  it('reads the tables opencc-js configures for cn → tw: tens of thousands of keys', () => {
    expect(config.segmentation.length).toBeGreaterThan(0)
    expect(config.conversionChain.length).toBeGreaterThan(1)
    expect(keys.length).toBeGreaterThan(50_000)
  })

  it('converts every key of every table as opencc-js does, one key at a time', () => {
    const lazy = lazyTw()
    expect(keys.filter((k) => lazy(k) !== full(k))).toEqual([])
  })

  it('converts the seed article and every key run together as opencc-js does, from empty tables', () => {
    const seed = readFileSync('test/fixtures/content/seed-print-000_6356c52bb20637ed.txt', 'utf8')
    expect(lazyTw()(seed)).toBe(full(seed))
    // Keys run together make matches across key boundaries: longest matches that start inside another key.
    const together = keys.join('')
    expect(lazyTw()(together)).toBe(full(together))
    const reversed = [...keys].reverse().join('，')
    expect(lazyTw()(reversed)).toBe(full(reversed))
    // A character outside the Basic Multilingual Plane, and an ideographic description sequence.
    for (const text of ['𠮷发展', '⿰氵青发展']) expect(lazyTw()(text)).toBe(full(text))
  })

  it('lets the first table of a group win a key several tables hold, and a later entry win within a table', () => {
    const tables: OpenccConfig = {
      normalizationChain: [['乾 干|甲 乙']],
      segmentation: ['干部 干部|头发 头发', '干 干|头 头|发 发|发 髮'],
      conversionChain: [
        ['干部 幹部|头发 頭髮|发展 發展', '干部 乾部|干 乾|头 頭|发 發|发展 发展', '头 首'],
        ['幹部 干部!|發 发', '幹 榦'],
      ],
    }
    const lazy = lazyOpenccConverter(tables)
    const reference = eager(tables)
    for (const text of ['干部头发', '干', '乾部', '头', '发展', '发发', '甲干头发展', '发'])
      expect([text, lazy(text)]).toEqual([text, reference(text)])
    expect(lazy('干部头发')).toBe('干部!頭髮')
  })

  it('names a configuration opencc-js does not ship', () => {
    expect(() => openccConfig('nowhere')).toThrow(/no configuration nowhere/)
  })
})
