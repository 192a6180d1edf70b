/**
 * `JSON.stringify(value)` as pieces whose concatenation is exactly its text: the members of objects and arrays down
 * to `depth` levels are serialised one by one. V8 builds a long JSON text with Chinese in it as a tree of parts
 * that it must copy into one string before encoding it (about 130 MB/s); serialised a section or a feed item at a
 * time, the same values serialise and encode about twice as fast, each piece encoded where it lies.
 *
 * A value made `immutable` (deep-frozen: nothing can change it) is serialised and encoded once, however many values
 * hold it: a feed item lies in its feed's archive and in those of its topics and people. Its piece is its JSON's
 * UTF-8 bytes, copied into each value that holds it.
 */

/** A piece of a JSON text: a string, or the UTF-8 bytes of an immutable value's JSON. */
export type JsonPiece = string | Uint8Array

/** Values made `immutable`, and the JSON (UTF-8) of those serialised so far. */
const immutables = new WeakSet<object>()
const serialised = new WeakMap<object, Uint8Array>()

/** Memory the encoded JSON of immutable values is laid out in, one after the other (a buffer each would cost more). */
const ARENA = 8 << 20
let arena = Buffer.alloc(0)
let used = 0

/** `text` encoded into the arena, for as long as something holds the bytes. */
function encoded(text: string): Uint8Array {
  const most = text.length * 3
  if (most > ARENA >> 3) return Buffer.from(text, 'utf8')
  if (used + most > arena.length) {
    arena = Buffer.allocUnsafeSlow(ARENA)
    used = 0
  }
  const bytes = arena.subarray(used, used + arena.write(text, used, 'utf8'))
  used = (used + bytes.length + 7) & ~7
  return bytes
}

/** Freezes `value` and everything in it, members first: a frozen object's members are frozen already. */
function freezeDeep(value: object): void {
  if (Object.isFrozen(value)) return
  if (Array.isArray(value)) {
    for (const member of value) if (member !== null && typeof member === 'object') freezeDeep(member)
  } else
    for (const key in value) {
      const member = (value as Record<string, unknown>)[key]
      if (member !== null && typeof member === 'object') freezeDeep(member)
    }
  Object.freeze(value)
}

/** `value`, deep-frozen: its JSON (json-pieces) and its conversion (hant-entries) are then made once. */
export function immutable<T>(value: T): T {
  if (value === null || typeof value !== 'object' || immutables.has(value)) return value
  freezeDeep(value)
  immutables.add(value)
  return value
}

/** Whether `value` was made `immutable`. */
export const isImmutable = (value: object): boolean => immutables.has(value)

/** A value JSON.stringify leaves out of an object (and writes as `null` in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** An array, or an object JSON.stringify walks member by member (no prototype of its own, no toJSON). */
function walkable(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object') return false
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false
  if (Array.isArray(v)) return true
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function split(value: unknown, depth: number, out: JsonPiece[]): void {
  if (value !== null && typeof value === 'object' && immutables.has(value)) {
    let json = serialised.get(value)
    if (json === undefined) {
      json = encoded(JSON.stringify(value))
      serialised.set(value, json)
    }
    out.push(json)
    return
  }
  if (depth === 0 || !walkable(value)) {
    out.push(JSON.stringify(value) ?? 'null')
    return
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]')
      return
    }
    out.push('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',')
      const item: unknown = value[i]
      if (omitted(item)) out.push('null')
      else split(item, depth - 1, out)
    }
    out.push(']')
    return
  }
  let first = true
  for (const key of Object.keys(value)) {
    const member = value[key]
    if (omitted(member)) continue
    out.push(`${first ? '{' : ','}${JSON.stringify(key)}:`)
    first = false
    split(member, depth - 1, out)
  }
  out.push(first ? '{}' : '}')
}

/**
 * The JSON text of `value` (a value JSON.stringify writes), in pieces: members serialised `depth` levels down (a
 * feed page's items' members), an immutable value's JSON as it was made and encoded once.
 */
export function jsonPieces(value: unknown, depth = 3): JsonPiece[] {
  const out: JsonPiece[] = []
  split(value, depth, out)
  return out
}

/** A piece as text. */
export const pieceText = (piece: JsonPiece): string =>
  typeof piece === 'string'
    ? piece
    : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8')

/** The JSON text the pieces make. */
export const jsonText = (pieces: readonly JsonPiece[]): string => pieces.map(pieceText).join('')
