/** A KV entry as `wrangler kv bulk put` takes it, and the bookkeeping publish keeps beside the content. */

/** One line of a bulk-put file. `metadata.h` is the content hash publish compares to skip unchanged keys. */
export interface KvEntry {
  key: string
  value: string
  base64?: boolean
  metadata: { h: string; type?: string }
}

/** `v1:publish-state`: what publish needs to remember between runs (never read by the Worker). */
export interface PublishState {
  /** `slug/section-id` → the section's content hash and the time publish stamped for it. */
  sections: Record<string, { hash: string; updated: string }>
}

/** What is in KV now: every key under the prefix with the hash it was written with. */
export type KvListing = ReadonlyMap<string, string | undefined>
