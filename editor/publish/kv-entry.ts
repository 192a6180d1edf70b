/** A KV entry as publish writes it, and the bookkeeping publish keeps beside the content. */

/**
 * One KV value to write. Text (JSON) values are strings; binary values (images, renditions) are bytes, written
 * byte for byte. `metadata.h` is the content hash publish compares to skip unchanged keys.
 */
export interface KvEntry {
  key: string
  value: string | Uint8Array
  /**
   * `h` content hash; `type` a media type; `s` an article's source hash (see source-hash.ts); `g` the conversion
   * a Traditional edition value was made with (editor/hant/hant-entries.ts).
   */
  metadata: { h: string; type?: string; s?: string; g?: string }
}

/** Bytes a value occupies in KV. */
export const valueBytes = (e: KvEntry): number =>
  typeof e.value === 'string' ? Buffer.byteLength(e.value, 'utf8') : e.value.byteLength
