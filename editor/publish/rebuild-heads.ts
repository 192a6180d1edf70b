/**
 * `content:publish -- --rebuild-heads`: when `v2:feed:head`, `v2:index:head` or a topic's or person's feed head is
 * lost or unusable, publish stops (it would restart the lists over the archive pages). This rebuilds the lost head from what KV still holds: the
 * complete pages, and each article's history (its positions) and value (its text). Only the head is written. The
 * Traditional edition's lost heads are the conversions of the original's (editor/hant/rebuild-hant-heads.ts).
 * What cannot come back: tombstones of withdrawn items that were still in the head's open part (docs/operators.md "Recovery").
 */
import type { Article } from '../../model/article.ts'
import { articleItems } from '../../model/article-items.ts'
import {
  parseArticleValue,
  parseDirectoryPageValue,
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseIndexPageValue,
  parseSubjectFeedArchiveValue,
  parseSubjectFeedHeadValue,
} from '../../model/parse-store-values.ts'
import { KEY_PREFIX, keys, slugOfArticleKey } from '../../model/store-keys.ts'
import {
  type ArticleHistory,
  FEED_PAGE_SIZE,
  type FeedArchiveValue,
  type FeedLogEntry,
  HOME_TOPICS,
  INDEX_PAGE_SIZE,
  type IndexEntry,
  type SubjectFeedArchiveValue,
  UNSIZED_FEED_PAGE_SIZE,
} from '../../model/store-values.ts'
import { SUBJECT_KINDS, type SubjectInfo, type SubjectKind } from '../../model/subject.ts'
import type { HantEdition } from '../hant/hant-writes.ts'
import { type HeadPlace, rebuildHantHeads } from '../hant/rebuild-hant-heads.ts'
import {
  type FeedLog,
  feedHeadEntry,
  feedLog,
  indexHeadEntry,
  indexLog,
  subjectHeadEntry,
} from './aggregate-logs.ts'
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

/** Article values read once however many logs ask (withdrawn ones have no text to show: absent). */
class LiveArticles {
  private readonly known = new Map<string, Article | null>()
  constructor(private readonly store: KvStore) {}
  async get(slugs: readonly string[]): Promise<Map<string, Article>> {
    const missing = slugs.filter((s) => !this.known.has(s))
    const values = await this.store.getJson(missing.map(keys.article))
    for (const slug of missing)
      this.known.set(slug, parsed(parseArticleValue, values.get(keys.article(slug)))?.article ?? null)
    const live = new Map<string, Article>()
    for (const slug of slugs) {
      const article = this.known.get(slug)
      if (article) live.set(slug, article)
    }
    return live
  }
}

/** The page size whose page `page` can hold every position on it (new logs' size first). */
function sizeOf(key: string, page: number, positions: readonly number[]): number {
  const fits = (size: number) => positions.every((n) => pageOf(n, size) === page)
  const size = [FEED_PAGE_SIZE, UNSIZED_FEED_PAGE_SIZE].find(fits)
  if (size === undefined) throw new RebuildError(`the positions on ${key} fit no known page size`)
  return size
}

/** A complete page the rebuild starts from, or a RebuildError naming it. */
async function readPage<T>(store: KvStore, key: string, parse: (v: unknown) => T): Promise<T> {
  const page = parsed(parse, (await store.getJson([key])).get(key))
  if (page === null) throw new RebuildError(`${key} is unusable: restore it from a backup first`)
  return page
}

/** Where a feed log ("all", a topic's, a person's) keeps its pages, and where each history records its positions. */
interface LogPlace<T extends FeedArchiveValue = FeedArchiveValue> {
  archive: (page: number) => string
  parse: (v: unknown) => T
  positions: (h: ArticleHistory) => Readonly<Record<string, number>> | undefined
}

/**
 * A feed log rebuilt: its complete pages as they are, and its open part from the histories' positions past them
 * with each article's text. Also returns the last complete page (a subject's head names the subject it carries).
 */
async function rebuildLog<T extends FeedArchiveValue>(
  store: KvStore,
  place: LogPlace<T>,
  articles: Histories,
  live: LiveArticles,
): Promise<{ log: FeedLog; lastPage: T | null }> {
  const archived = await completePages(store, place.archive(0).slice(0, -1))
  let lastPage: T | null = null
  let size = FEED_PAGE_SIZE
  if (archived > 0) {
    const key = place.archive(archived)
    lastPage = await readPage(store, key, place.parse)
    size = sizeOf(
      key,
      archived,
      lastPage.items.map((e) => e.n),
    )
  }
  const first = archived * size
  let next = first
  const recent: { slug: string; at: Readonly<Record<string, number>> }[] = []
  for (const { slug, history } of articles) {
    const at = place.positions(history) ?? {}
    const ns = Object.values(at)
    for (const n of ns) next = Math.max(next, n + 1)
    if (ns.some((n) => n >= first)) recent.push({ slug, at })
  }
  const texts = await live.get(recent.map((r) => r.slug))
  const open: FeedLogEntry[] = []
  for (const { slug, at } of recent) {
    const article = texts.get(slug)
    if (!article) continue
    for (const section of articleItems(article)) {
      const n = at[section.id]
      if (n !== undefined && n >= first) open.push({ n, article: feedArticle(article), section })
    }
  }
  const last = lastPage?.items ?? []
  for (const e of last) next = Math.max(next, e.n + 1)
  const items = [...last, ...open.sort((a, b) => a.n - b.n)]
  return {
    log: feedLog({ version: '', updated: null, archived, next, size, items }, () => undefined),
    lastPage,
  }
}

const allFeed: LogPlace = {
  archive: keys.feedArchive,
  parse: parseFeedArchiveValue,
  positions: (h) => h.items,
}

const subjectFeed = (kind: SubjectKind, id: string): LogPlace<SubjectFeedArchiveValue> => ({
  archive: (page) => keys.subjectFeedArchive(kind, id, page),
  parse: parseSubjectFeedArchiveValue,
  positions: (h) => h[kind === 'topic' ? 'topics' : 'people']?.[id],
})

/** The topics and people the directory lists (their names now), by `kind:id`. */
async function directorySubjects(store: KvStore): Promise<Map<string, SubjectInfo>> {
  const found = new Map<string, SubjectInfo>()
  const listed = [...(await store.list(keys.directoryPrefix())).keys()]
  const pages = await store.getJson(listed)
  for (const key of listed)
    for (const e of parsed(parseDirectoryPageValue, pages.get(key))?.entries ?? []) {
      const { updated: _, ...info } = e
      found.set(`${e.kind}:${e.id}`, info)
    }
  return found
}

async function rebuildIndexHead(store: KvStore, articles: Histories, live: LiveArticles): Promise<KvEntry> {
  const pages = await completePages(store, `${KEY_PREFIX}index:`)
  let last: IndexEntry[] = []
  if (pages > 0) {
    last = (await readPage(store, keys.indexPage(pages), parseIndexPageValue)).articles
  }
  const first = pages * INDEX_PAGE_SIZE
  const recent = articles.filter(({ history }) => history.slot >= first)
  const texts = await live.get(recent.map((a) => a.slug))
  let next = first
  for (const { history } of articles) next = Math.max(next, history.slot + 1)
  const open: IndexEntry[] = []
  for (const { slug, history } of recent) {
    const article = texts.get(slug)
    if (article) open.push({ ...summarize(article), n: history.slot })
  }
  for (const e of last) next = Math.max(next, e.n + 1)
  const entries = [...last, ...open.sort((a, b) => a.n - b.n)]
  // The home page's topics: the first of the topic list, as publish wrote them from content/topics.md.
  const first1 = keys.directoryPage('topic', 1)
  const topicList = parsed(parseDirectoryPageValue, (await store.getJson([first1])).get(first1))
  const topics = topicList?.entries.slice(0, HOME_TOPICS).map((t) => ({ id: t.id, name: t.name }))
  return indexHeadEntry(
    indexLog({ version: '', updated: null, pages, next, articles: entries }, () => undefined),
    topics,
  )
}

/**
 * The lost heads rebuilt; a usable head is left as it is. With `edition` (the content tree's Traditional edition),
 * the edition's lost heads too, each the conversion of the original's (editor/hant/rebuild-hant-heads.ts).
 */
export async function rebuildHeads(store: KvStore, edition?: HantEdition): Promise<Rebuilt> {
  const heads = await store.getJson([keys.feedHead(), keys.indexHead()])
  const feedLost = !usable(parseFeedHeadValue, heads.get(keys.feedHead()))
  const indexLost = !usable(parseIndexHeadValue, heads.get(keys.indexHead()))
  const articles = await allHistories(store)
  const named = namedSubjects(articles)
  const subjectHeads = await store.getJson([...named.keys()])
  const subjects = [...named]
    .filter(([key]) => !usable(parseSubjectFeedHeadValue, subjectHeads.get(key)))
    .map(([, s]) => s)
  const entries: KvEntry[] = []
  const notes: string[] = []
  if (feedLost || indexLost || subjects.length > 0) {
    const live = new LiveArticles(store)
    const from = `${articles.length} article histories`
    if (feedLost) {
      entries.push(feedHeadEntry((await rebuildLog(store, allFeed, articles, live)).log))
      notes.push(`${keys.feedHead()} rebuilt from the archive pages and ${from}`)
    }
    if (indexLost) {
      entries.push(await rebuildIndexHead(store, articles, live))
      notes.push(`${keys.indexHead()} rebuilt from the list pages and ${from}`)
    }
    const listed = await directorySubjects(store)
    for (const { kind, id } of subjects) {
      const { log, lastPage } = await rebuildLog(store, subjectFeed(kind, id), articles, live)
      const subject = listed.get(`${kind}:${id}`) ?? lastPage?.subject
      if (!subject)
        throw new RebuildError(
          `${keys.subjectFeedHead(kind, id)} is lost and neither the ${kind} list nor an archive page names it: publish with the content files first`,
        )
      entries.push(subjectHeadEntry(log, subject))
      notes.push(`${keys.subjectFeedHead(kind, id)} rebuilt from its archive pages and ${from}`)
    }
  }
  if (edition) {
    const places: HeadPlace[] = [
      { key: keys.feedHead(), usable: (v) => usable(parseFeedHeadValue, v) },
      { key: keys.indexHead(), usable: (v) => usable(parseIndexHeadValue, v) },
      ...[...named.keys()].map((key) => ({
        key,
        usable: (v: unknown) => usable(parseSubjectFeedHeadValue, v),
      })),
    ]
    const hant = await rebuildHantHeads(store, edition, places, entries)
    entries.push(...hant.entries)
    notes.push(...hant.notes)
  }
  if (entries.length === 0) return { entries, notes: ['every head is usable: nothing to rebuild'] }
  return { entries, notes }
}

const usable = <T>(parse: (v: unknown) => T, v: unknown): boolean => parsed(parse, v) !== null

/** Every topic and person a history records positions in, by its head's key. */
function namedSubjects(articles: Histories): Map<string, { kind: SubjectKind; id: string }> {
  const named = new Map<string, { kind: SubjectKind; id: string }>()
  for (const { history } of articles)
    for (const kind of SUBJECT_KINDS)
      for (const [id, at] of Object.entries(history[kind === 'topic' ? 'topics' : 'people'] ?? {}))
        if (Object.keys(at).length > 0) named.set(keys.subjectFeedHead(kind, id), { kind, id })
  return named
}
