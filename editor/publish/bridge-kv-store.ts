/** A KvStore over the KV bridge Worker (kv-bridge-worker.ts): one request per batch of keys or values. */
import { isText, type KvEntry, valueBytes, valueData } from './kv-entry.ts'
import { chunks, IncompleteListingError, type KvStore, parseOrNull, sizedBatches } from './kv-store.ts'

/** Sends one request to the bridge Worker (path and query, body); the caller's Miniflare routes it. */
export type BridgeCall = (path: string, body: string | Uint8Array) => Promise<BridgeAnswer>

/** What the store reads of the bridge's response (Miniflare's and Node's fetch Response types differ). */
export interface BridgeAnswer {
  ok: boolean
  status: number
  text(): Promise<string>
}

/** Values per /put request, and bytes: a batch is one request body held in memory on both sides. */
const PUT_COUNT = 1_000
const PUT_BYTES = 16_000_000
/** Keys per /get, /absent and /delete request. */
const KEYS_PER_CALL = 1_000

async function answer<T>(call: BridgeCall, path: string, body: string | Uint8Array): Promise<T> {
  const res = await call(path, body)
  const text = await res.text()
  if (!res.ok) throw new Error(`local KV ${path} failed: ${res.status} ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

/** One /put body: a length-prefixed JSON index, then every value's bytes in order. */
function putBody(entries: readonly KvEntry[]): Uint8Array {
  const values = entries.map(valueData)
  const index = Buffer.from(
    JSON.stringify(
      entries.map((e, i) => ({
        key: e.key,
        metadata: e.metadata,
        bytes: values[i]?.byteLength ?? 0,
        text: isText(e),
      })),
    ),
  )
  const head = Buffer.alloc(4)
  head.writeUInt32BE(index.byteLength)
  return Buffer.concat([head, index, ...values])
}

/**
 * `exclusive`: this process alone writes the namespace while the store is open (the preview's own KV folder), so
 * keys it wrote or found are remembered as present and `absent` asks only about the others.
 */
export function bridgeKvStore(
  call: BridgeCall,
  where: string,
  close: () => Promise<void>,
  o: { exclusive?: boolean } = {},
): KvStore {
  const present = new Set<string>()
  const remember = (keys: Iterable<string>) => {
    if (o.exclusive) for (const k of keys) present.add(k)
  }
  return {
    where,
    async list(prefix) {
      const listed = await answer<{ name: string; metadata: Record<string, unknown> }[]>(
        call,
        `/list?prefix=${encodeURIComponent(prefix)}`,
        '',
      ).catch((e: unknown) => {
        throw new IncompleteListingError(prefix, String(e))
      })
      return new Map(listed.map((k) => [k.name, k.metadata]))
    },
    async getJson(keys) {
      const out = new Map<string, unknown>()
      for (const batch of chunks(keys, KEYS_PER_CALL)) {
        const got = await answer<Record<string, string | null>>(call, '/get', JSON.stringify(batch))
        for (const key of batch) out.set(key, parseOrNull(got[key] ?? null))
      }
      return out
    },
    async absent(keys) {
      const missing = new Set<string>()
      const unknown = keys.filter((k) => !present.has(k))
      for (const batch of chunks(unknown, KEYS_PER_CALL))
        for (const k of await answer<string[]>(call, '/absent', JSON.stringify(batch))) missing.add(k)
      remember(unknown.filter((k) => !missing.has(k)))
      return missing
    },
    async put(entries) {
      for (const batch of sizedBatches(entries, PUT_COUNT, PUT_BYTES, valueBytes)) {
        await answer<number>(call, '/put', putBody(batch))
        remember(batch.map((e) => e.key))
      }
    },
    async delete(keys) {
      for (const k of keys) present.delete(k)
      for (const batch of chunks(keys, KEYS_PER_CALL))
        await answer<number>(call, '/delete', JSON.stringify(batch))
    },
    close,
  }
}
