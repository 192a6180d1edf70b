/** Compares what publish built with what KV holds: only new or changed keys are written, unreferenced ones deleted. */
import { KEY_PREFIX } from '../../model/store-keys.ts'
import type { BuiltContent } from './build-entries.ts'
import { type KvEntry, type KvListing, valueBytes } from './kv-entry.ts'

export interface PublishPlan {
  /** Step 1: media and article values. */
  content: KvEntry[]
  /** Step 2: index, "all" pages, publish state (only once step 1 succeeded). */
  aggregates: KvEntry[]
  /** Step 3: keys nothing references any more. */
  deletes: string[]
  articles: { added: string[]; changed: string[]; removed: string[] }
  /** Bytes of the values to write (decoded size for binary values). */
  bytes: number
}

const ARTICLE = `${KEY_PREFIX}article:`

function changed(entries: readonly KvEntry[], listing: KvListing): KvEntry[] {
  return entries.filter((e) => listing.get(e.key) !== e.metadata.h)
}

/** Pure: the plan for moving KV from `listing` to `built`. */
export function planPublish(built: BuiltContent, listing: KvListing): PublishPlan {
  const content = changed(built.content, listing)
  const aggregates = changed(built.aggregates, listing)
  const wanted = new Set([...built.content, ...built.aggregates].map((e) => e.key))
  const deletes = [...listing.keys()].filter((k) => k.startsWith(KEY_PREFIX) && !wanted.has(k)).sort()
  const slugOf = (key: string) => key.slice(ARTICLE.length)
  const written = content.filter((e) => e.key.startsWith(ARTICLE))
  return {
    content,
    aggregates,
    deletes,
    articles: {
      added: written.filter((e) => !listing.has(e.key)).map((e) => slugOf(e.key)),
      changed: written.filter((e) => listing.has(e.key)).map((e) => slugOf(e.key)),
      removed: deletes.filter((k) => k.startsWith(ARTICLE)).map(slugOf),
    },
    bytes: [...content, ...aggregates].reduce((n, e) => n + valueBytes(e), 0),
  }
}

/** True when KV already holds exactly this content. */
export const isNoop = (plan: PublishPlan): boolean =>
  plan.content.length + plan.aggregates.length + plan.deletes.length === 0
