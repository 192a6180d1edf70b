/** The only module of the federation Worker that touches KV: read-only, each value parsed by model/ parsers. */

import type { Article } from '../model/article.ts'
import {
  parseDirectoryPageValue,
  parseIndexHeadValue,
  parseIndexPageValue,
  parseStoredArticle,
} from '../model/parse-store-values.ts'
import { editionKey, keys } from '../model/store-keys.ts'
import type { DirectoryEntry, IndexHeadValue, IndexPageValue, StoredArticle } from '../model/store-values.ts'

async function readJson<T>(kv: KVNamespace, key: string, parse: (v: unknown) => T): Promise<T | null> {
  const text = await kv.get(key, 'text')
  if (text === null) return null
  try {
    return parse(JSON.parse(text))
  } catch (e) {
    // One corrupt value costs one article, never a whole run or page.
    console.log(`fediverse: KV value ${key} is unusable: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
}

export const readArticle = (kv: KVNamespace, slug: string): Promise<StoredArticle | null> =>
  readJson(kv, keys.article(slug), parseStoredArticle)

/**
 * The article's other editions (the Traditional one, `v2:zh-tw:article:{slug}`, converted by publish), for the
 * object's language maps; none when the edition has no live article under the slug.
 */
export async function readEditions(kv: KVNamespace, slug: string): Promise<Article[]> {
  const stored = await readJson(kv, editionKey(keys.article(slug), 'hant'), parseStoredArticle)
  return stored?.kind === 'article' ? [stored.value.article] : []
}

export const readIndexHead = (kv: KVNamespace): Promise<IndexHeadValue | null> =>
  readJson(kv, keys.indexHead(), parseIndexHeadValue)

export const readIndexPage = (kv: KVNamespace, page: number): Promise<IndexPageValue | null> =>
  readJson(kv, keys.indexPage(page), parseIndexPageValue)

/** A topic of content/topics.md as the topic list has it (name, description), or null when it lists none so. */
export async function readTopic(kv: KVNamespace, id: string): Promise<DirectoryEntry | null> {
  for (let page = 1, pages = 1; page <= pages; page++) {
    const value = await readJson(kv, keys.directoryPage('topic', page), parseDirectoryPageValue)
    if (value === null) return null
    const found = value.entries.find((e) => e.id === id)
    if (found) return found
    pages = value.pages
  }
  return null
}

/** Every article key with the content hash publish put in its metadata (`h`), from KV's listing. */
export async function listArticleVersions(kv: KVNamespace): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>()
  let cursor: string | undefined
  do {
    const page = await kv.list<{ h?: unknown }>({
      prefix: keys.articlePrefix(),
      ...(cursor ? { cursor } : {}),
    })
    for (const k of page.keys) {
      const h = k.metadata?.h
      found.set(k.name.slice(keys.articlePrefix().length), typeof h === 'string' ? h : null)
    }
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  return found
}
