/** The only module that touches KV: one read per request, each value parsed before use. */
import { ModelError } from './model/model-error.ts'
import { parseAllPageValue, parseArticleValue, parseIndexValue } from './model/parse-store-values.ts'
import type { AllPageValue, ArticleValue, IndexValue } from './model/store-values.ts'
import { keys } from './store-keys.ts'

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

async function readJson<T>(kv: KVNamespace, key: string, parse: (v: unknown) => T): Promise<T | null> {
  const text = await kv.get(key, 'text')
  if (text === null) return null
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

export const readIndex = (kv: KVNamespace): Promise<IndexValue | null> =>
  readJson(kv, keys.index(), parseIndexValue)

export const readArticle = (kv: KVNamespace, slug: string): Promise<ArticleValue | null> =>
  readJson(kv, keys.article(slug), parseArticleValue)

export const readAllPage = (kv: KVNamespace, page: number): Promise<AllPageValue | null> =>
  readJson(kv, keys.allPage(page), parseAllPageValue)

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
