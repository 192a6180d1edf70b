/** A KV entry as publish writes it, and the bookkeeping publish keeps beside the content. */

import type { JsonPiece } from './json-pieces.ts'
import { isCurrent, type Kept, keepBytes } from './kept-bytes.ts'

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

/** Room kept before a JSON text encoded by `keepHeaded`, for the head written over its first character. */
const HEAD_ROOM = 128

/**
 * `json` (pieces of one JSON text; an immutable value's already encoded) encoded once into kept memory
 * (kept-bytes.ts), with its first character replaced by the ASCII `head` that `headOf` makes from the JSON's own
 * bytes (a versioned value: the version is the hash of the JSON).
 */
export function keepHeaded(json: readonly JsonPiece[], headOf: (utf8: Buffer) => string): Kept {
  const most = HEAD_ROOM + json.reduce((n, t) => n + (typeof t === 'string' ? t.length * 3 : t.byteLength), 0)
  return keepBytes(most, (buffer, start) => {
    let at = start + HEAD_ROOM
    for (const t of json)
      if (typeof t === 'string') at += buffer.write(t, at, 'utf8')
      else {
        buffer.set(t, at)
        at += t.byteLength
      }
    const head = headOf(buffer.subarray(start + HEAD_ROOM, at))
    if (head.length > HEAD_ROOM + 1)
      throw new Error(`a value's head is longer than ${HEAD_ROOM + 1} characters`)
    const from = start + HEAD_ROOM + 1 - head.length
    buffer.write(head, from, 'latin1')
    return [from, at]
  })
}

/**
 * The bytes KV stores for a value (a text value's are its `utf8`, else its text encoded): valid while the value is,
 * so they can be written while the publish goes on.
 */
export const valueData = (e: KvEntry): Uint8Array =>
  e.utf8 ?? (typeof e.value === 'string' ? Buffer.from(e.value, 'utf8') : e.value)

/** The bytes each text entry was made with (textEntry). */
const keptBy = new WeakMap<KvEntry, Kept>()

/** `entry` under other metadata (a text entry held as bytes stays so: nothing decodes its text). */
export function withMetadata(entry: KvEntry, metadata: KvEntry['metadata']): KvEntry {
  const kept = keptBy.get(entry)
  return kept ? textEntry(entry.key, kept, metadata) : { ...entry, metadata }
}

/**
 * A text entry held as UTF-8 bytes kept until it is written (kept-bytes.ts): `value` is decoded from them when first
 * read (a remote write, the bridge, a test), so a publish that writes local files never lays the text out in memory.
 * Read once its bytes were recycled, it throws.
 */
export function textEntry(key: string, kept: Kept, metadata: KvEntry['metadata']): KvEntry {
  let text: string | undefined
  const bytes = () => {
    if (!isCurrent(kept.generation))
      throw new Error(`${key}: read after its batch was written (its bytes now hold other values)`)
    return kept.bytes
  }
  const entry: KvEntry = {
    key,
    get value() {
      text ??= bytes().toString('utf8')
      return text
    },
    metadata,
    get utf8() {
      return bytes()
    },
  }
  keptBy.set(entry, kept)
  return entry
}
