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
  /**
   * A text value as the pieces it was joined from (a versioned value: its version, then its JSON), written one after
   * the other: the joined string is never laid out flat in memory, which costs as much as encoding it.
   */
  pieces?: readonly string[]
}

/** Bytes a value occupies in KV. */
export const valueBytes = (e: KvEntry): number =>
  typeof e.value === 'string' ? (e.bytes ?? Buffer.byteLength(e.value, 'utf8')) : e.value.byteLength

let scratch = Buffer.allocUnsafeSlow(1 << 20)

/**
 * The UTF-8 bytes of `text` in a buffer the next call reuses: to hash or write at once, never to keep. Encoding into
 * memory already touched runs several times faster than a new buffer per value (whose pages the kernel must supply).
 */
export function utf8View(...texts: readonly string[]): Buffer {
  const most = texts.reduce((n, t) => n + t.length * 3, 0)
  if (scratch.length < most) scratch = Buffer.allocUnsafeSlow(most)
  let at = 0
  for (const t of texts) at += scratch.write(t, at, 'utf8')
  return scratch.subarray(0, at)
}

/** The bytes KV stores for a value, to write at once (a text value's are `utf8View`'s). */
export const valueData = (e: KvEntry): Uint8Array =>
  typeof e.value === 'string' ? utf8View(...(e.pieces ?? [e.value])) : e.value
