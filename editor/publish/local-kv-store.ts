/**
 * Local KV through wrangler's own `getPlatformProxy` (the same workerd storage `wrangler dev` and
 * `wrangler kv --local` use). Two wrangler CLI behaviours are worked around here: `kv key list --local` stops at
 * 1,000 keys (it does not follow the cursor; the binding's `list` does), and `kv bulk put --local` stores
 * base64 values as UTF-8 text (every byte >= 0x80 becomes EF BF BD); `put` of an ArrayBuffer stores bytes as is.
 */
import { resolve } from 'node:path'
import { getPlatformProxy } from 'wrangler'
import type { KvEntry } from './kv-entry.ts'
import { chunks, IncompleteListingError, type KvStore, type KvTarget, parseOrNull } from './kv-store.ts'

/** What publish uses of the KV binding the proxy hands out (the Workers types are not loaded in Node tools). */
interface ProxyKv {
  list<M>(o: { prefix: string; cursor?: string; limit?: number }): Promise<{
    keys: { name: string; metadata?: M }[]
    list_complete: boolean
    cursor?: string
  }>
  get(key: string, type: 'text'): Promise<string | null>
  put(key: string, value: string | ArrayBuffer, o: { metadata: unknown }): Promise<void>
  delete(key: string): Promise<void>
}

/** Puts in flight at once: enough to hide workerd's per-call latency, few enough for 2 cores. */
const PARALLEL = 32

const toValue = (v: string | Uint8Array): string | ArrayBuffer =>
  typeof v === 'string' ? v : (v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) as ArrayBuffer)

export async function openLocalKvStore(t: KvTarget): Promise<KvStore> {
  const persistTo = t.persistTo ?? '.wrangler/state'
  const proxy = await getPlatformProxy<Record<string, ProxyKv>>({
    configPath: resolve(t.cwd, 'wrangler.toml'),
    ...(t.env ? { environment: t.env } : {}),
    // `wrangler --persist-to DIR` keeps its state in DIR/v3: point the proxy at the same folder.
    persist: { path: resolve(t.cwd, persistTo, 'v3') },
  })
  const kv = proxy.env[t.binding]
  if (!kv) throw new Error(`wrangler.toml has no KV binding ${t.binding}`)
  return {
    where: `local KV (${persistTo})`,
    async list(prefix) {
      const found = new Map<string, Record<string, unknown>>()
      let cursor: string | undefined
      for (;;) {
        const page = await kv.list<Record<string, unknown>>({ prefix, ...(cursor ? { cursor } : {}) })
        for (const k of page.keys) found.set(k.name, k.metadata ?? {})
        if (page.list_complete) return found
        if (!page.cursor) throw new IncompleteListingError(prefix, 'no cursor on an incomplete page')
        cursor = page.cursor
      }
    },
    async getJson(keys) {
      const out = new Map<string, unknown>()
      for (const batch of chunks(keys, PARALLEL))
        await Promise.all(
          batch.map(async (key) => {
            const text = await kv.get(key, 'text')
            out.set(key, parseOrNull(text))
          }),
        )
      return out
    },
    async absent(keys) {
      const missing = new Set<string>()
      for (const batch of chunks(keys, PARALLEL))
        await Promise.all(
          batch.map(async (key) => {
            // A listing of the exact key reads no value (media can be megabytes).
            const found = await kv.list({ prefix: key, limit: 1 })
            if (found.keys[0]?.name !== key) missing.add(key)
          }),
        )
      return missing
    },
    async put(entries: readonly KvEntry[]) {
      for (const batch of chunks(entries, PARALLEL))
        await Promise.all(batch.map((e) => kv.put(e.key, toValue(e.value), { metadata: e.metadata })))
    },
    async delete(keys) {
      for (const batch of chunks(keys, PARALLEL)) await Promise.all(batch.map((k) => kv.delete(k)))
    },
    close: () => proxy.dispose(),
  }
}
