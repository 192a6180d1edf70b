/**
 * A versioned value keeps its UTF-8 bytes in memory publish reuses batch after batch (editor/publish/kept-bytes.ts):
 * they stay the value's until the batch is written, and reading them after that throws instead of giving another
 * value's bytes.
 */
import { describe, expect, it } from 'vitest'
import { recycleKeptBytes } from '../../editor/publish/kept-bytes.ts'
import { valueData, withMetadata } from '../../editor/publish/kv-entry.ts'
import { versioned } from '../../editor/publish/store-entries.ts'

const body = (n: number) => ({ n, title: `綦江区东溪古镇 ${n}`, paragraphs: ['历史悠久。'.repeat(50)] })

describe('the bytes a versioned value keeps', () => {
  it('are its bytes until its batch is written, for it and for a copy under other metadata', () => {
    const entry = versioned('v2:a', body(1))
    const committed = withMetadata(entry, { ...entry.metadata, s: 'source' })
    const text = `{"version":"${entry.metadata.h}",${JSON.stringify(body(1)).slice(1)}`
    expect(Buffer.from(valueData(entry)).toString('utf8')).toBe(text)
    expect(Buffer.from(valueData(committed)).toString('utf8')).toBe(text)
    expect(committed.metadata.s).toBe('source')
    recycleKeptBytes()
    expect(() => valueData(entry)).toThrow(/v2:a: read after its batch was written/)
    expect(() => committed.value).toThrow(/read after its batch was written/)
  })

  it('lend their memory to the next batch once written', () => {
    const first = Array.from({ length: 20 }, (_, n) => versioned(`v2:first:${n}`, body(n)))
    const memory = new Set(first.map((e) => e.utf8?.buffer))
    recycleKeptBytes()
    const next = Array.from({ length: 20 }, (_, n) => versioned(`v2:next:${n}`, body(n + 100)))
    expect(next.every((e) => memory.has(e.utf8?.buffer))).toBe(true)
    // Each value its own bytes: none overlaps another.
    const spans = next
      .map((e) => [e.utf8?.byteOffset ?? 0, (e.utf8?.byteOffset ?? 0) + (e.utf8?.byteLength ?? 0)])
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0)
    expect(next.map((e) => JSON.parse(e.value as string).n)).toEqual(next.map((_, n) => n + 100))
    recycleKeptBytes()
  })

  it('fit a value larger than a slab of kept memory', () => {
    const large = { text: '綦江'.repeat(8_000_000) }
    const entry = versioned('v2:large', large)
    expect(entry.utf8?.byteLength).toBe(
      Buffer.byteLength(JSON.stringify(large)) + '"version":"",'.length + 32,
    )
    expect(JSON.parse(entry.value as string).text.length).toBe(16_000_000)
    recycleKeptBytes()
  })
})
