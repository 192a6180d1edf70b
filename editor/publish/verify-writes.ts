/**
 * Reads back what a publish wrote: the listing's metadata of every JSON key it put must carry the hash (and
 * source hash) of the last value written under it. Cloudflare's bulk write can answer success while naming keys
 * it did not write (`unsuccessful_keys`, which wrangler does not report): those are written once more, and a
 * publish that still cannot make KV keep them fails loudly instead of leaving a head or a history stale.
 * Media are not listed back (content-addressed, up to hundreds of thousands of keys): an article naming a missing
 * file is rewritten, with its media, the next time it changes.
 */
import { keys } from '../../model/store-keys.ts'
import type { KvEntry } from './kv-entry.ts'
import type { KvStore } from './kv-store.ts'
import type { WritePlan } from './write-plan.ts'

/** KV did not keep some values even after a second write. */
export class UnkeptWritesError extends Error {
  override readonly name = 'UnkeptWritesError'
  constructor(missing: readonly string[]) {
    super(
      `KV did not keep ${missing.length} value(s) this publish wrote (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); publish again`,
    )
  }
}

/**
 * The listing prefix a key is checked under: everything up to its second colon (`v2:article:`, `v2:topic:`). One
 * listing of all topics costs less than one per topic a publish touched: remotely each listing is a wrangler process.
 */
function prefixOf(key: string): string {
  return key.slice(0, key.indexOf(':', key.indexOf(':') + 1) + 1)
}

/**
 * The entries whose final metadata the store does not show: read key by key where the store can, else from the
 * listing. There, the Traditional edition's values (which carry no source hash) are read back in one bulk read
 * instead, their `version` compared: listing them would double the listings of a publish.
 */
async function unkept(store: KvStore, expected: ReadonlyMap<string, KvEntry>): Promise<KvEntry[]> {
  const stale = (e: KvEntry, meta: Record<string, unknown> | undefined) =>
    meta === undefined || meta.h !== e.metadata.h || (meta.s ?? undefined) !== e.metadata.s
  // A store that reads metadata key by key (local KV's files) answers for exactly these keys, editions included.
  const direct = (await store.metadataOf?.([...expected.keys()])) ?? null
  if (direct) return [...expected.values()].filter((e) => stale(e, direct.get(e.key)))
  const edition = [...expected.values()].filter((e) => e.key.startsWith(keys.hantPrefix()))
  const read = edition.length === 0 ? new Map() : await store.getJson(edition.map((e) => e.key))
  const lost = edition.filter((e) => {
    const value = read.get(e.key)
    return (
      typeof value !== 'object' || value === null || !('version' in value) || value.version !== e.metadata.h
    )
  })
  const prefixes = new Set([...expected.keys()].filter((k) => !k.startsWith(keys.hantPrefix())).map(prefixOf))
  const listed = new Map<string, Record<string, unknown>>()
  for (const listing of await Promise.all([...prefixes].map((p) => store.list(p))))
    for (const [k, meta] of listing) listed.set(k, meta)
  return [...expected.values()].filter((e) => {
    if (e.key.startsWith(keys.hantPrefix())) return lost.includes(e)
    return stale(e, listed.get(e.key))
  })
}

/** Checks the plan's JSON writes against the listing; writes the missing ones again once; throws if still missing. */
export async function verifyWrites(
  store: KvStore,
  plan: WritePlan,
  log: (line: string) => void,
): Promise<void> {
  const expected = new Map<string, KvEntry>()
  for (const [, entries] of plan.steps)
    for (const e of entries) if (!e.key.startsWith(keys.media(''))) expected.set(e.key, e)
  const missing = await unkept(store, expected)
  if (missing.length === 0) return
  log(`verify: ${missing.length} value(s) not kept by KV; writing them again`)
  await store.put(missing)
  const still = await unkept(store, new Map(missing.map((e) => [e.key, e])))
  if (still.length > 0) throw new UnkeptWritesError(still.map((e) => e.key))
}
