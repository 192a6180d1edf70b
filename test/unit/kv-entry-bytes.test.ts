/**
 * A versioned value's byte count is the one its hash counted, and the bytes written for a text value are its UTF-8
 * encoding, at any length (editor/publish/kv-entry.ts, store-entries.ts).
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isText, valueBytes, valueData } from '../../editor/publish/kv-entry.ts'
import { versioned } from '../../editor/publish/store-entries.ts'
import { bulkLine } from '../../editor/publish/wrangler-kv.ts'

const bodies: Record<string, object> = {
  empty: {},
  ascii: { title: 'Qijiang', n: 3 },
  chinese: { title: '綦江区东溪古镇', dek: '记者 石亮 摄' },
  'astral and escaped': { title: '𠀋 😀 \u2028 "quoted" \\ \ud800' },
  long: { content: '<p>綦江区东溪古镇，历史悠久。</p>'.repeat(200_000) },
}

describe('the bytes of a KV value', () => {
  for (const [name, body] of Object.entries(bodies))
    it(`counts and writes a ${name} value's UTF-8 bytes, and versions it by the hash of its JSON`, () => {
      const entry = versioned('v2:test', body)
      const utf8 = Buffer.from(entry.value as string, 'utf8')
      expect(valueBytes(entry)).toBe(utf8.byteLength)
      expect(Buffer.from(valueData(entry)).equals(utf8)).toBe(true)
      // Written from the bytes it keeps, which decode to the value.
      expect(entry.utf8 && Buffer.from(entry.utf8).equals(utf8)).toBe(true)
      const json = JSON.stringify(body)
      expect(entry.metadata.h).toBe(createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 32))
      expect(JSON.parse(entry.value as string)).toEqual({ version: entry.metadata.h, ...JSON.parse(json) })
      // Byte for byte the text it always was: the version, then the JSON after its `{`.
      const version = `{"version":"${entry.metadata.h}"`
      expect(entry.value).toBe(json === '{}' ? `${version}}` : `${version},${json.slice(1)}`)
    })

  it('keeps a versioned value as bytes: a copy keeps them, and a bulk line carries the text alone', () => {
    const entry = versioned('v2:test', bodies.chinese as object)
    const copy = { ...entry, metadata: { ...entry.metadata, s: 'source' } }
    expect(copy.utf8).toBe(entry.utf8)
    expect(copy.value).toBe(entry.value)
    expect(isText(entry)).toBe(true)
    expect(Object.keys(bulkLine(entry)).sort()).toEqual(['key', 'metadata', 'value'])
    expect(bulkLine(entry).value).toBe(entry.value)
  })

  it('leaves bytes values as they are', () => {
    const value = Uint8Array.from([0x89, 0x50, 0xff])
    const entry = { key: 'v2:media:x.png', value, metadata: { h: 'x' } }
    expect(valueBytes(entry)).toBe(3)
    expect(valueData(entry)).toBe(value)
    expect(isText(entry)).toBe(false)
  })
})
