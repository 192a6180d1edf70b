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
 * The article's Traditional edition (`v2:zh-tw:article:{slug}`, converted by publish) as stored: its language maps
 * come from it, and its version is part of what followers were told (a glossary change alone is an Update).
 */
export const readEdition = (kv: KVNamespace, slug: string): Promise<StoredArticle | null> =>
  readJson(kv, editionKey(keys.article(slug), 'hant'), parseStoredArticle)

/** The article's other editions (the Traditional one) as articles, for the object's language maps; none when gone. */
export async function readEditions(kv: KVNamespace, slug: string): Promise<Article[]> {
  const stored = await readEdition(kv, slug)
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

/** Every key under `prefix` with the content hash publish put in its metadata (`h`), by the rest of the key. */
async function listVersions(kv: KVNamespace, prefix: string): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>()
  let cursor: string | undefined
  do {
    const page = await kv.list<{ h?: unknown }>({ prefix, ...(cursor ? { cursor } : {}) })
    for (const k of page.keys) {
      const h = k.metadata?.h
      found.set(k.name.slice(prefix.length), typeof h === 'string' ? h : null)
    }
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  return found
}

/**
 * Every article with the version followers are told of (toldVersion), from KV's listings of the original articles
 * and their Traditional edition; null when publish put no hash on the original.
 */
export async function listArticleVersions(kv: KVNamespace): Promise<Map<string, string | null>> {
  const [originals, editions] = await Promise.all([
    listVersions(kv, keys.articlePrefix()),
    listVersions(kv, editionKey(keys.articlePrefix(), 'hant')),
  ])
  const told = new Map<string, string | null>()
  for (const [slug, h] of originals) told.set(slug, h === null ? null : toldVersion(h, editions.get(slug)))
  return told
}

/** An article's version as followers are told of it: the original's, then the Traditional edition's when stored. */
export const toldVersion = (original: string, edition: string | null | undefined): string =>
  edition ? `${original}.${edition}` : original
