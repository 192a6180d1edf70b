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
  /**
   * A text value's UTF-8 bytes, when encoded already (a versioned value's, encoded for its hash): they are what is
   * written, and `value` is decoded from them only if something reads it.
   */
  utf8?: Uint8Array
}

/** Bytes a value occupies in KV. */
export const valueBytes = (e: KvEntry): number =>
  e.utf8?.byteLength ??
  (typeof e.value === 'string' ? Buffer.byteLength(e.value, 'utf8') : e.value.byteLength)

/** Whether a value is text (JSON), without decoding one held as bytes. */
export const isText = (e: KvEntry): boolean => e.utf8 !== undefined || typeof e.value === 'string'

let scratch = Buffer.allocUnsafeSlow(1 << 20)

/** Room kept before a JSON text encoded by `utf8Headed`, for the head written over its first character. */
const HEAD_ROOM = 128

/** The scratch buffer, at least `size` bytes long. */
function scratchOf(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size)
  return scratch
}

/**
 * The UTF-8 bytes of `texts` in a buffer the next call reuses: to hash or write at once, never to keep. Encoding into
 * memory already touched runs several times faster than a new buffer per value (whose pages the kernel must supply).
 */
export function utf8View(...texts: readonly string[]): Buffer {
  const buffer = scratchOf(texts.reduce((n, t) => n + t.length * 3, 0))
  let at = 0
  for (const t of texts) at += buffer.write(t, at, 'utf8')
  return buffer.subarray(0, at)
}

/**
 * `json` (pieces of one JSON text) encoded once, with its first character replaced by the ASCII `head` that
 * `headOf` makes from the JSON's own bytes (a versioned value: the version is the hash of the JSON). A view of the
 * buffer the next call reuses, as `utf8View`'s.
 */
export function utf8Headed(json: readonly string[], headOf: (utf8: Buffer) => string): Buffer {
  const buffer = scratchOf(HEAD_ROOM + json.reduce((n, t) => n + t.length * 3, 0))
  let at = HEAD_ROOM
  for (const t of json) at += buffer.write(t, at, 'utf8')
  const head = headOf(buffer.subarray(HEAD_ROOM, at))
  if (head.length > HEAD_ROOM + 1)
    throw new Error(`a value's head is longer than ${HEAD_ROOM + 1} characters`)
  const start = HEAD_ROOM + 1 - head.length
  buffer.write(head, start, 'latin1')
  return buffer.subarray(start, at)
}

/** The bytes KV stores for a value, to write at once (a text value's are its `utf8`, else `utf8View`'s). */
export const valueData = (e: KvEntry): Uint8Array =>
  e.utf8 ?? (typeof e.value === 'string' ? utf8View(e.value) : e.value)

/** `entry` under other metadata (a text entry held as bytes stays so: nothing decodes its text). */
export const withMetadata = (entry: KvEntry, metadata: KvEntry['metadata']): KvEntry =>
  entry.utf8 ? textEntry(entry.key, entry.utf8, metadata) : { ...entry, metadata }

/**
 * A text entry held as its UTF-8 bytes: `value` is decoded from them when first read (a remote write, the bridge,
 * a test), so a publish that writes local files never lays the text out in memory.
 */
export function textEntry(key: string, utf8: Uint8Array, metadata: KvEntry['metadata']): KvEntry {
  let text: string | undefined
  return {
    key,
    get value() {
      text ??= Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8')
      return text
    },
    metadata,
    utf8,
  }
}
