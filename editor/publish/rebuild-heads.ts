/**
 * `content:publish -- --rebuild-heads`: when `v2:feed:head` or `v2:index:head` is lost or unusable, publish stops
 * (it would restart the lists over the archive pages). This rebuilds the lost head from what KV still holds: the
 * complete pages, and each article's history (its positions) and value (its text). Only the head is written.
 * What cannot come back: tombstones of withdrawn items that were still in the head's open part (docs/operators.md "Recovery").
 */
import type { Article } from '../../model/article.ts'
import { articleItems } from '../../model/article-items.ts'
import {
  parseArticleValue,
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseIndexPageValue,
} from '../../model/parse-store-values.ts'
import { KEY_PREFIX, keys, slugOfArticleKey } from '../../model/store-keys.ts'
import {
  type ArticleHistory,
  FEED_PAGE_SIZE,
  type FeedLogEntry,
  INDEX_PAGE_SIZE,
  type IndexEntry,
  UNSIZED_FEED_PAGE_SIZE,
} from '../../model/store-values.ts'
import { feedHeadEntry, feedLog, indexHeadEntry, indexLog } from './aggregate-logs.ts'
import type { KvEntry } from './kv-entry.ts'
import type { KvStore } from './kv-store.ts'
import { pageOf } from './paged-log.ts'
import { readHistories } from './read-histories.ts'
import { feedArticle, summarize } from './store-entries.ts'

/** A head cannot be rebuilt from what KV holds (a gap in the pages); nothing is written. */
export class RebuildError extends Error {
  override readonly name = 'RebuildError'
}

export interface Rebuilt {
  /** The heads to write (only the lost ones). */
  entries: KvEntry[]
  /** What was rebuilt, one line each. */
  notes: string[]
}

const parsed = <T>(parse: (v: unknown) => T, v: unknown): T | null => {
  try {
    return parse(v)
  } catch {
    return null
  }
}

/** Complete pages 1..N under `prefix`: N, or a RebuildError when a page in between is missing. */
async function completePages(store: KvStore, prefix: string): Promise<number> {
  const numbers = [...(await store.list(prefix)).keys()]
    .map((k) => Number(k.slice(prefix.length)))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b)
  const gap = numbers.findIndex((n, i) => n !== i + 1)
  if (gap !== -1)
    throw new RebuildError(
      `${prefix}${gap + 1} is missing while ${prefix}${numbers.at(-1)} exists: restore it from a backup first`,
    )
  return numbers.length
}

/** Every article's history (aliases have none). */
async function allHistories(store: KvStore): Promise<{ slug: string; history: ArticleHistory }[]> {
  const slugs = [...(await store.list(keys.articlePrefix())).entries()]
    .filter(([, meta]) => !(typeof meta.s === 'string' && meta.s.startsWith('moved:')))
    .map(([key]) => slugOfArticleKey(key))
  return [...(await readHistories(store, slugs))].map(([slug, history]) => ({ slug, history }))
}

type Histories = Awaited<ReturnType<typeof allHistories>>

/** The live articles among `slugs` (withdrawn ones have no text to show). */
async function readLive(store: KvStore, slugs: readonly string[]): Promise<Map<string, Article>> {
  const values = await store.getJson(slugs.map(keys.article))
  const live = new Map<string, Article>()
  for (const slug of slugs) {
    const value = parsed(parseArticleValue, values.get(keys.article(slug)))
    if (value) live.set(slug, value.article)
  }
  return live
}

/** The page size whose page `page` can hold every position on it (new logs' size first). */
function sizeOf(page: number, positions: readonly number[]): number {
  const fits = (size: number) => positions.every((n) => pageOf(n, size) === page)
  const size = [FEED_PAGE_SIZE, UNSIZED_FEED_PAGE_SIZE].find(fits)
  if (size === undefined)
    throw new RebuildError(`the positions on ${keys.feedArchive(page)} fit no known page size`)
  return size
}

/** A complete page the rebuild starts from, or a RebuildError naming it. */
async function readPage<T>(store: KvStore, key: string, parse: (v: unknown) => T): Promise<T> {
  const page = parsed(parse, (await store.getJson([key])).get(key))
  if (page === null) throw new RebuildError(`${key} is unusable: restore it from a backup first`)
  return page
}

async function rebuildFeedHead(store: KvStore, articles: Histories): Promise<KvEntry> {
  const archived = await completePages(store, `${KEY_PREFIX}feed:archive:`)
  let last: FeedLogEntry[] = []
  let size = FEED_PAGE_SIZE
  if (archived > 0) {
    const page = await readPage(store, keys.feedArchive(archived), parseFeedArchiveValue)
    last = page.items
    size = sizeOf(
      archived,
      page.items.map((e) => e.n),
    )
  }
  const first = archived * size
  const recent = articles.filter(({ history }) => Object.values(history.items).some((n) => n >= first))
  const live = await readLive(
    store,
    recent.map((a) => a.slug),
  )
  const open: FeedLogEntry[] = []
  let next = first
  for (const { history } of articles)
    for (const n of Object.values(history.items)) next = Math.max(next, n + 1)
  for (const { slug, history } of recent) {
    const article = live.get(slug)
    if (!article) continue
    for (const section of articleItems(article)) {
      const n = history.items[section.id]
      if (n !== undefined && n >= first) open.push({ n, article: feedArticle(article), section })
    }
  }
  for (const e of last) next = Math.max(next, e.n + 1)
  const items = [...last, ...open.sort((a, b) => a.n - b.n)]
  return feedHeadEntry(feedLog({ version: '', updated: null, archived, next, size, items }, () => undefined))
}

async function rebuildIndexHead(store: KvStore, articles: Histories): Promise<KvEntry> {
  const pages = await completePages(store, `${KEY_PREFIX}index:`)
  let last: IndexEntry[] = []
  if (pages > 0) {
    last = (await readPage(store, keys.indexPage(pages), parseIndexPageValue)).articles
  }
  const first = pages * INDEX_PAGE_SIZE
  const recent = articles.filter(({ history }) => history.slot >= first)
  const live = await readLive(
    store,
    recent.map((a) => a.slug),
  )
  let next = first
  for (const { history } of articles) next = Math.max(next, history.slot + 1)
  const open: IndexEntry[] = []
  for (const { slug, history } of recent) {
    const article = live.get(slug)
    if (article) open.push({ ...summarize(article), n: history.slot })
  }
  for (const e of last) next = Math.max(next, e.n + 1)
  const entries = [...last, ...open.sort((a, b) => a.n - b.n)]
  return indexHeadEntry(
    indexLog({ version: '', updated: null, pages, next, articles: entries }, () => undefined),
  )
}

/** The lost heads rebuilt; a usable head is left as it is. */
export async function rebuildHeads(store: KvStore): Promise<Rebuilt> {
  const heads = await store.getJson([keys.feedHead(), keys.indexHead()])
  const feedLost = parsed(parseFeedHeadValue, heads.get(keys.feedHead())) === null
  const indexLost = parsed(parseIndexHeadValue, heads.get(keys.indexHead())) === null
  if (!feedLost && !indexLost) return { entries: [], notes: ['both heads are usable: nothing to rebuild'] }
  const articles = await allHistories(store)
  const entries: KvEntry[] = []
  const notes: string[] = []
  if (feedLost) {
    entries.push(await rebuildFeedHead(store, articles))
    notes.push(`${keys.feedHead()} rebuilt from the archive pages and ${articles.length} article histories`)
  }
  if (indexLost) {
    entries.push(await rebuildIndexHead(store, articles))
    notes.push(`${keys.indexHead()} rebuilt from the list pages and ${articles.length} article histories`)
  }
  return { entries, notes }
}
