/** A KV entry as publish writes it, and the bookkeeping publish keeps beside the content. */

/**
 * One KV value to write. Text (JSON) values are strings; binary values (images, renditions) are bytes, written
 * byte for byte. `metadata.h` is the content hash publish compares to skip unchanged keys.
 */
export interface KvEntry {
  key: string
  value: string | Uint8Array
  metadata: { h: string; type?: string }
}

/** Bytes a value occupies in KV. */
export const valueBytes = (e: KvEntry): number =>
  typeof e.value === 'string' ? Buffer.byteLength(e.value, 'utf8') : e.value.byteLength

/** `v1:publish-state`: what publish needs to remember between runs (never read by the Worker). */
export interface PublishState {
  /** `slug/section-id` → the section's content hash and the time publish stamped for it. */
  sections: Record<string, { hash: string; updated: string }>
}

/** What is in KV now: every key under the prefix with the hash it was written with. */
export type KvListing = ReadonlyMap<string, string | undefined>
