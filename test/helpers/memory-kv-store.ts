/** An in-memory KvStore for unit tests of publish's pure build; integration tests use real wrangler instead. */
import type { KvEntry } from '../../editor/publish/kv-entry.ts'
import { type KvStore, parseOrNull } from '../../editor/publish/kv-store.ts'

export class MemoryKvStore implements KvStore {
  readonly where = 'memory'
  readonly values = new Map<string, { value: string | Uint8Array; metadata: Record<string, unknown> }>()
  /** Every key read with getJson, in order. */
  readonly reads: string[] = []

  async list(prefix: string) {
    return new Map([...this.values].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k, v.metadata]))
  }
  async getJson(keys: readonly string[]) {
    this.reads.push(...keys)
    return new Map(
      keys.map((k) => {
        const v = this.values.get(k)?.value
        // As the real stores do: null when absent or not JSON.
        return [k, typeof v === 'string' ? parseOrNull(v) : null] as const
      }),
    )
  }
  async absent(keys: readonly string[]) {
    return new Set(keys.filter((k) => !this.values.has(k)))
  }
  async put(entries: readonly KvEntry[]) {
    for (const e of entries) this.values.set(e.key, { value: e.value, metadata: { ...e.metadata } })
  }
  async delete(keys: readonly string[]) {
    for (const k of keys) this.values.delete(k)
  }
  async close() {}

  /** The parsed JSON value of a key (throws when absent). */
  json(key: string): unknown {
    const v = this.values.get(key)?.value
    if (typeof v !== 'string') throw new Error(`no JSON value ${key}`)
    return JSON.parse(v)
  }
}
