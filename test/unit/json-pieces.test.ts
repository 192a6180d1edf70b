/** A value serialised in pieces is JSON.stringify's text, piece for piece (editor/publish/json-pieces.ts). */
import { describe, expect, it } from 'vitest'
import { immutable, jsonPieces, jsonText } from '../../editor/publish/json-pieces.ts'
import { versioned } from '../../editor/publish/store-entries.ts'

const nullProto = Object.assign(Object.create(null) as object, { a: 1, b: ['x'] })

const values: Record<string, unknown> = {
  'an empty object': {},
  'an empty array': [],
  'nested empties': { a: {}, b: [], c: [{}, []] },
  'members JSON.stringify leaves out': { a: undefined, b: () => 1, c: Symbol('s'), d: 1, e: undefined },
  'only members it leaves out': { a: undefined, b: () => 1 },
  'array holes it writes as null': [undefined, () => 1, Symbol('s'), null, 0],
  'numbers it writes otherwise': {
    nan: Number.NaN,
    inf: Number.POSITIVE_INFINITY,
    negZero: -0,
    big: 1e21,
    tiny: 5e-324,
  },
  'keys that need escaping': { '"quoted"': 1, 'line\nbreak': 2, 綦江: 3, '\u2028': 4 },
  'integer-like keys, which come first': { b: 1, 2: 'two', a: 3, 1: 'one' },
  'a Date (toJSON)': { when: new Date(Date.UTC(2026, 11, 7)), list: [new Date(0)] },
  'an object of its own toJSON': { x: { toJSON: () => ({ replaced: true }) } },
  'an object without a prototype': { inner: nullProto },
  'a class instance': {
    inner: new (class Point {
      x = 1
    })(),
  },
  'Chinese, astral characters and lone surrogates': {
    t: '綦江区 𠀋 😀 \ud800 “三化”',
    list: ['东溪', { deep: ['古镇'] }],
  },
  'deep nesting': { a: [{ b: [{ c: [{ d: [1, { e: 'f' }] }] }] }] },
  'a feed page': {
    page: 3,
    items: Array.from({ length: 20 }, (_, n) => ({
      n,
      article: { slug: `a-${n}`, title: `文章 ${n}`, tags: ['綦江'] },
      section: {
        id: 's',
        paragraphs: ['綦江区将持续发展。'.repeat(50)],
        photos: [{ src: '/media/x.jpg', width: 1600 }],
      },
    })),
  },
}

describe('JSON in pieces', () => {
  for (const [name, value] of Object.entries(values))
    for (const depth of [0, 1, 2, 3, 8])
      it(`writes ${name} as JSON.stringify does, split ${depth} levels down`, () => {
        expect(jsonText(jsonPieces(value, depth))).toBe(JSON.stringify(value))
      })

  it('splits a page into its items and their members, two levels down by default', () => {
    const pieces = jsonPieces(values['a feed page'])
    // `{"page":`, `3`, `,"items":`, `[`, then per item `{"n":` … `}` and `,` between them, `]`, `}`
    expect(pieces.length).toBeGreaterThan(20)
    expect(pieces.slice(0, 4)).toEqual(['{"page":', '3', ',"items":', '['])
    expect(pieces.at(-1)).toBe('}')
  })

  it('leaves a value JSON.stringify cannot walk whole', () => {
    expect(jsonPieces('綦江')).toEqual(['"綦江"'])
    expect(jsonPieces(null)).toEqual(['null'])
    expect(jsonPieces(new Date(0))).toEqual([JSON.stringify(new Date(0))])
  })
})

describe('an immutable value in JSON pieces', () => {
  it('is frozen to its depths: nothing can change what was serialised', () => {
    const item = immutable({
      heading: '綦江',
      photos: [{ src: '/media/a.jpg', renditions: [{ width: 320 }] }],
    })
    const renditions: { width: number }[] = item.photos[0]?.renditions ?? []
    expect(() => renditions.push({ width: 640 })).toThrow(TypeError)
    expect(Object.isFrozen(item.photos[0]?.renditions[0])).toBe(true)
  })

  it('is serialised once however many values hold it, as JSON.stringify writes it', () => {
    let reads = 0
    const section = {
      id: 's1',
      get heading() {
        reads++
        return '东溪古镇'
      },
      paragraphs: ['历史悠久。'],
    }
    immutable(section)
    const afterFreezing = reads
    const pages = [1, 2, 3].map((page) => ({
      page,
      items: [
        { n: page, section },
        { n: page + 10, section },
      ],
    }))
    for (const page of pages) expect(jsonText(jsonPieces(page))).toBe(JSON.stringify(page))
    // One read by the first serialisation; the JSON.stringify calls above read it for each item (6).
    expect(reads - afterFreezing).toBe(1 + 6)
  })

  it('is encoded once: every value holding it copies the same UTF-8 bytes', () => {
    const item = immutable({ heading: '东溪古镇', paragraphs: ['历史悠久。'] })
    const [a, b] = [1, 2].map((page) => jsonPieces({ page, items: [item] }))
    const bytes = a?.find((p) => typeof p !== 'string')
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(b?.find((p) => typeof p !== 'string')).toBe(bytes)
    expect(Buffer.from(bytes as Uint8Array).toString('utf8')).toBe(JSON.stringify(item))
  })

  it('is a whole value too: an empty one is versioned as an empty object is', () => {
    const empty = versioned('v2:empty', immutable({}))
    expect(JSON.parse(empty.value as string)).toEqual({ version: empty.metadata.h })
    const whole = versioned('v2:whole', immutable({ heading: '綦江' }))
    expect(JSON.parse(whole.value as string)).toEqual({ version: whole.metadata.h, heading: '綦江' })
  })
})
