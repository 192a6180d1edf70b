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
  /** A text value's UTF-8 length, when counted already (a versioned value's: its hash counted it). */
  bytes?: number
}

/** Bytes a value occupies in KV. */
export const valueBytes = (e: KvEntry): number =>
  typeof e.value === 'string' ? (e.bytes ?? Buffer.byteLength(e.value, 'utf8')) : e.value.byteLength

let scratch = Buffer.allocUnsafeSlow(1 << 20)

/**
 * The UTF-8 bytes of `text` in a buffer the next call reuses: to hash or write at once, never to keep. Encoding into
 * memory already touched runs several times faster than a new buffer per value (whose pages the kernel must supply).
 */
export function utf8View(text: string): Buffer {
  if (scratch.length < text.length * 3) scratch = Buffer.allocUnsafeSlow(text.length * 3)
  return scratch.subarray(0, scratch.write(text, 'utf8'))
}

/** The bytes KV stores for a value, to write at once (a text value's are `utf8View`'s). */
export const valueData = (e: KvEntry): Uint8Array =>
  typeof e.value === 'string' ? utf8View(e.value) : e.value
