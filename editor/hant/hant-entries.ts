/**
 * The Traditional (Taiwan) edition's KV values: each public value of the original, its reader-visible text
 * converted, under the edition's key (`v2:zh-tw:…`). Publish writes an edition value beside every original value it
 * writes, so the Worker serves both editions with one read each and converts nothing per request.
 */
import { EDITIONS } from '../../model/edition.ts'
import { editionKey, isSharedKey } from '../../model/store-keys.ts'
import { contentHash } from '../publish/content-hash.ts'
import { immutable, isImmutable } from '../publish/json-pieces.ts'
import { isText, type KvEntry } from '../publish/kv-entry.ts'
import { bodyOf, versioned } from '../publish/store-entries.ts'
import type { HantConverter } from './create-hant-converter.ts'
import type { GlossaryEntry } from './parse-glossary.ts'

/** Strings that are never text (URLs, hashes, ids are ASCII and convert to themselves; these may not be). */
const VERBATIM = new Set(['version', 'canonical', 'src', 'url', 'href'])
/** Fields that hold no text at any depth (a photo's renditions: URLs, types and sizes), kept as they are. */
const NO_TEXT = new Set(['renditions'])
/** Only the original keeps the publisher's bookkeeping (the Worker never reads it). */
const DROPPED = new Set(['history'])
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is meant
const ASCII = /^[\u0000-\u007f]*$/

/**
 * What the conversion of a value depends on besides the value: the glossary and the converter's tables. A change of
 * either makes publish convert every value again (docs/editors.md "Traditional edition").
 */
export function hantFingerprint(glossary: readonly GlossaryEntry[]): string {
  const terms = glossary.map((e) => [e.simplified, e.traditional])
  return contentHash(JSON.stringify(['opencc-js 1.4.2 cn→tw', '「」『』', terms])).slice(0, 16)
}

/** Immutable objects (json-pieces.ts) converted so far, per converter: converted once, and immutable too. */
const convertedBy = new WeakMap<HantConverter, WeakMap<object, unknown>>()

function memoOf(convert: HantConverter): WeakMap<object, unknown> {
  const memo = convertedBy.get(convert) ?? new WeakMap<object, unknown>()
  convertedBy.set(convert, memo)
  return memo
}

/** A JSON value with every text converted and every Chinese `lang` set to the edition's. */
export function convertValue(value: unknown, convert: HantConverter, field = ''): unknown {
  if (typeof value === 'string') {
    if (field === 'lang') return /^zh\b/i.test(value) ? EDITIONS.hant.lang : value
    return VERBATIM.has(field) || ASCII.test(value) ? value : convert(value)
  }
  if (NO_TEXT.has(field)) return value
  if (Array.isArray(value)) return value.map((v) => convertValue(v, convert, field))
  if (typeof value !== 'object' || value === null) return value
  // An object's conversion depends on its members alone (not on the field holding it): one made immutable is
  // converted once, whichever values hold it.
  const memo = isImmutable(value) ? memoOf(convert) : undefined
  const known = memo?.get(value)
  if (known !== undefined) return known
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (!DROPPED.has(k)) out[k] = convertValue(v, convert, k)
  memo?.set(value, immutable(out))
  return out
}

/** The edition's entry of an original entry; null for keys the editions share (media) or only publish reads. */
export function hantEntry(entry: KvEntry, convert: HantConverter, fingerprint: string): KvEntry | null {
  if (isSharedKey(entry.key) || !isText(entry)) return null
  const body = bodyOf(entry) ?? withoutVersion(JSON.parse(entry.value as string))
  return editionEntry(entry.key, body, entry.metadata.s, convert, fingerprint)
}

/** The edition's entry of a value as read back from KV (parsed, its version in it); null for a shared key. */
export function hantEntryOfStored(
  key: string,
  stored: unknown,
  convert: HantConverter,
  fingerprint: string,
): KvEntry | null {
  return isSharedKey(key) ? null : editionEntry(key, withoutVersion(stored), undefined, convert, fingerprint)
}

function editionEntry(
  key: string,
  body: object,
  source: string | undefined,
  convert: HantConverter,
  fingerprint: string,
): KvEntry {
  return versioned(editionKey(key, 'hant'), convertValue(body, convert) as object, {
    ...(source === undefined ? {} : { s: source }),
    g: fingerprint,
  })
}

/** A stored value's body without its version (an entry read back from KV, or a copy of a versioned one). */
function withoutVersion(stored: unknown): object {
  const { version: _v, ...body } = stored as Record<string, unknown>
  return body
}
