/**
 * The store as it will be once a plan is written: what the next batch of a publish is built from while the batch
 * before it is still being written (batch-writer.ts). Keys the plan writes read as it writes them, keys it deletes
 * read as absent, every other key as the store holds it. Planning only reads: writing through it throws.
 */
import type { KvEntry } from './kv-entry.ts'
import type { KvStore } from './kv-store.ts'
import { parseOrNull } from './kv-store.ts'
import type { WritePlan } from './write-plan.ts'

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0)

export function withPendingWrites(store: KvStore, plan: Pick<WritePlan, 'steps' | 'deletes'>): KvStore {
  // The last write of a key is what it holds (a commit rewrites an article's metadata after its first write).
  const written = new Map<string, KvEntry>()
  for (const [, entries] of plan.steps) for (const e of entries) written.set(e.key, e)
  const deleted = new Set(plan.deletes)
  for (const k of deleted) written.delete(k)
  /** Whether the store no longer answers for `key`: the plan writes or deletes it. */
  const touched = (key: string) => written.has(key) || deleted.has(key)
  const untouched = (keys: readonly string[]) => keys.filter((k) => !touched(k))
  const refuse = () =>
    Promise.reject(
      new Error(`${store.where}: a publish plans from pending writes, never writes through them`),
    )
  return {
    where: store.where,
    async list(prefix) {
      const listed = [...(await store.list(prefix))].filter(([k]) => !touched(k))
      for (const [k, e] of written) if (k.startsWith(prefix)) listed.push([k, e.metadata])
      return new Map(listed.sort(byKey))
    },
    async getJson(keys) {
      const got = await store.getJson(untouched(keys))
      // A media value is bytes, never JSON: it reads as null, as the store answers for one.
      for (const k of keys) {
        const e = written.get(k)
        if (e) got.set(k, typeof e.value === 'string' ? parseOrNull(e.value) : null)
        else if (deleted.has(k)) got.set(k, null)
      }
      return got
    },
    async absent(keys) {
      const missing = await store.absent(untouched(keys))
      if (!missing) return null
      for (const k of keys) if (deleted.has(k)) missing.add(k)
      return missing
    },
    metadataOf: store.metadataOf
      ? async (keys) => {
          const found = await store.metadataOf?.(untouched(keys))
          if (!found) return null
          for (const k of keys) {
            const e = written.get(k)
            if (e) found.set(k, e.metadata)
          }
          return found
        }
      : undefined,
    put: refuse,
    delete: refuse,
    close: () => Promise.resolve(),
  }
}
