/** The only module that touches KV: one read per request, each value parsed before use. */
import { ModelError } from '../model/model-error.ts'
import { parseAllPageValue, parseArticleValue, parseIndexValue } from '../model/parse-store-values.ts'
import { keys } from '../model/store-keys.ts'
import type { AllPageValue, ArticleValue, IndexValue } from '../model/store-values.ts'
import { ByteLru } from './byte-lru.ts'

/** The stored value exists but does not fit the model (corrupt, foreign or from another version). */
export class CorruptValueError extends Error {
  override readonly name = 'CorruptValueError'
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`KV value ${key} is unusable: ${reason}`)
  }
}

/** A parsed value and the content hash (`h` in the KV metadata, written by publish) it was parsed from. */
interface Remembered<T> {
  h: string
  value: T
}

/**
 * Parsed values kept per isolate, by KV key, each kind bounded by the size of the JSON its values came from
 * (parsed objects take a few times that): enough for the hot feeds and articles, a few MB in all.
 */
const memo = <T>() => new ByteLru<Remembered<T>>(2 * 1024 * 1024, 1024 * 1024)

function hashOf(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null || !('h' in metadata)) return null
  return typeof metadata.h === 'string' && metadata.h !== '' ? metadata.h : null
}

function parseText<T>(key: string, text: string, parse: (v: unknown) => T): T {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new CorruptValueError(key, 'not JSON')
  }
  try {
    return parse(raw)
  } catch (e) {
    if (e instanceof ModelError) throw new CorruptValueError(key, e.message)
    throw e
  }
}

/**
 * Reads and parses one JSON value. When publish's content hash is in the metadata and this isolate has parsed
 * that very content before, the body is not read or parsed again (a hit or a 304 then costs one KV lookup).
 * Values without a hash (written by hand) are parsed every time.
 */
async function readJson<T>(
  kv: KVNamespace,
  key: string,
  parse: (v: unknown) => T,
  memo: ByteLru<Remembered<T>>,
): Promise<T | null> {
  const { value: body, metadata } = await kv.getWithMetadata(key, 'stream')
  if (body === null) return null
  const h = hashOf(metadata)
  const known = memo.get(key)
  if (h !== null && known?.h === h) {
    await body.cancel()
    return known.value
  }
  const text = await new Response(body).text()
  const value = parseText(key, text, parse)
  if (h !== null) memo.set(key, { h, value }, text.length)
  return value
}

const indexMemo = memo<IndexValue>()
const articleMemo = memo<ArticleValue>()
const allPageMemo = memo<AllPageValue>()

export const readIndex = (kv: KVNamespace): Promise<IndexValue | null> =>
  readJson(kv, keys.index(), parseIndexValue, indexMemo)

export const readArticle = (kv: KVNamespace, slug: string): Promise<ArticleValue | null> =>
  readJson(kv, keys.article(slug), parseArticleValue, articleMemo)

export const readAllPage = (kv: KVNamespace, page: number): Promise<AllPageValue | null> =>
  readJson(kv, keys.allPage(page), parseAllPageValue, allPageMemo)

/** An image and its MIME type, streamed from KV. */
export async function readMedia(
  kv: KVNamespace,
  name: string,
): Promise<{ body: ReadableStream; type: string } | null> {
  const { value, metadata } = await kv.getWithMetadata<{ type?: unknown }>(keys.media(name), 'stream')
  if (value === null) return null
  if (typeof metadata?.type !== 'string') throw new CorruptValueError(keys.media(name), 'no type in metadata')
  return { body: value, type: metadata.type }
}
