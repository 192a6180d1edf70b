/** The only module that touches KV: one read per request, each value parsed before use. */

import type { EditionName } from '../model/edition.ts'
import { ModelError } from '../model/model-error.ts'
import { parseSitemapIndexValue, parseSitemapPartValue } from '../model/parse-sitemap-values.ts'
import {
  parseDirectoryPageValue,
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseIndexPageValue,
  parseStoredArticle,
  parseSubjectFeedArchiveValue,
  parseSubjectFeedHeadValue,
} from '../model/parse-store-values.ts'
import type { SitemapIndexValue, SitemapPartValue } from '../model/sitemap-values.ts'
import { editionKey, keys } from '../model/store-keys.ts'
import type {
  DirectoryPageValue,
  FeedArchiveValue,
  FeedHeadValue,
  IndexHeadValue,
  IndexPageValue,
  StoredArticle,
  SubjectFeedArchiveValue,
  SubjectFeedHeadValue,
} from '../model/store-values.ts'
import type { SubjectKind } from '../model/subject.ts'
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
  name: string,
  parse: (v: unknown) => T,
  memo: ByteLru<Remembered<T>>,
): Promise<T | null> {
  // The key read and remembered is the edition's own: each edition keeps its parsed values, and one never evicts
  // or stands in for the other.
  const key = editionKey(name, editionOf(kv))
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

const articleMemo = memo<StoredArticle>()
const feedHeadMemo = memo<FeedHeadValue>()
const feedArchiveMemo = memo<FeedArchiveValue>()
const indexHeadMemo = memo<IndexHeadValue>()
const indexPageMemo = memo<IndexPageValue>()

/** An article, or what became of its slug (withdrawn, moved). */
export const readArticle = (kv: KVNamespace, slug: string): Promise<StoredArticle | null> =>
  readJson(kv, keys.article(slug), parseStoredArticle, articleMemo)

/** The "all" feed's subscription document (its newest items). */
export const readFeedHead = (kv: KVNamespace): Promise<FeedHeadValue | null> =>
  readJson(kv, keys.feedHead(), parseFeedHeadValue, feedHeadMemo)

/** A complete archive page of the "all" feed (1 = the oldest). */
export const readFeedArchive = (kv: KVNamespace, page: number): Promise<FeedArchiveValue | null> =>
  readJson(kv, keys.feedArchive(page), parseFeedArchiveValue, feedArchiveMemo)

/** The newest articles (home page, OPML). */
export const readIndexHead = (kv: KVNamespace): Promise<IndexHeadValue | null> =>
  readJson(kv, keys.indexHead(), parseIndexHeadValue, indexHeadMemo)

/** A complete page of the article list (1 = the oldest). */
export const readIndexPage = (kv: KVNamespace, page: number): Promise<IndexPageValue | null> =>
  readJson(kv, keys.indexPage(page), parseIndexPageValue, indexPageMemo)

const sitemapIndexMemo = memo<SitemapIndexValue>()
const sitemapPartMemo = memo<SitemapPartValue>()

/** The sitemap index: every part's count and time, the recent articles (`/sitemap.xml`, `/sitemaps/news.xml`). */
export const readSitemapIndex = (kv: KVNamespace): Promise<SitemapIndexValue | null> =>
  readJson(kv, keys.sitemapIndex(), parseSitemapIndexValue, sitemapIndexMemo)

/** Sitemap part N: the articles of the article list's page N (`/sitemaps/articles-{N}.xml`). */
export const readSitemapPart = (kv: KVNamespace, page: number): Promise<SitemapPartValue | null> =>
  readJson(kv, keys.sitemapPart(page), parseSitemapPartValue, sitemapPartMemo)

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

const subjectHeadMemo = memo<SubjectFeedHeadValue>()
const subjectArchiveMemo = memo<SubjectFeedArchiveValue>()
const directoryMemo = memo<DirectoryPageValue>()

/** A topic's or person's feed: its subscription document, with the subject's name. */
export const readSubjectFeedHead = (
  kv: KVNamespace,
  kind: SubjectKind,
  id: string,
): Promise<SubjectFeedHeadValue | null> =>
  readJson(kv, keys.subjectFeedHead(kind, id), parseSubjectFeedHeadValue, subjectHeadMemo)

/** A complete archive page of a topic's or person's feed (1 = the oldest). */
export const readSubjectFeedArchive = (
  kv: KVNamespace,
  kind: SubjectKind,
  id: string,
  page: number,
): Promise<SubjectFeedArchiveValue | null> =>
  readJson(kv, keys.subjectFeedArchive(kind, id, page), parseSubjectFeedArchiveValue, subjectArchiveMemo)

/**
 * Page N (from 1) of the topic list or the people list: every subject with the time its feed last changed (what
 * `/topics`, `/people`, the OPML and the sitemaps list).
 */
export const readDirectoryPage = (
  kv: KVNamespace,
  kind: SubjectKind,
  page: number,
): Promise<DirectoryPageValue | null> =>
  readJson(kv, keys.directoryPage(kind, page), parseDirectoryPageValue, directoryMemo)

/** Where an edition's namespace keeps its edition (a symbol: no KV member has that name). */
const EDITION = Symbol('edition')

/** The edition a namespace reads: the Traditional edition's from `editionNamespace`, else the original. */
const editionOf = (kv: KVNamespace): EditionName =>
  (kv as KVNamespace & { [EDITION]?: EditionName })[EDITION] ?? 'hans'

/**
 * The namespace as an edition's requests see it: every value the editions do not share is read from the edition's
 * key (`v2:zh-tw:…`, written by publish; `readJson` maps the key), so routes and readers stay edition-blind.
 */
export function editionNamespace(kv: KVNamespace, edition: EditionName): KVNamespace {
  if (edition === 'hans') return kv
  return new Proxy(kv, {
    get(target, property) {
      if (property === EDITION) return edition
      const member: unknown = Reflect.get(target, property)
      return typeof member === 'function' ? member.bind(target) : member
    },
  })
}
