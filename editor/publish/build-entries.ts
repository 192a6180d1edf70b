/**
 * Builds what a publish writes from the drafts and what KV holds (docs/architecture.md "A publish, from file to KV"): only what
 * changed articles need, whatever the size of the site. Pure: the same drafts, snapshot and clock always give
 * the same entries.
 */
import type { Article } from '../../model/article.ts'
import { articleItems } from '../../model/article-items.ts'
import { isPublishedBy } from '../../model/embargo.ts'
import { articlePageUrl, sectionPageUrl } from '../../model/feed-urls.ts'
import { ModelError } from '../../model/model-error.ts'
import {
  historyInValue,
  parseArticleHistory,
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseIndexPageValue,
  parseStoredArticle,
} from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import {
  type ArticleHistory,
  type FeedHeadValue,
  type FeedLogEntry,
  HISTORY_SOURCES,
  HOME_TOPICS,
  type IndexEntry,
  type IndexHeadValue,
  type TopicLink,
} from '../../model/store-values.ts'
import type { SubjectInfo, SubjectKind } from '../../model/subject.ts'
import type { DraftArticle } from '../content/draft.ts'
import {
  type FeedLog,
  feedHeadEntry,
  feedLog,
  type IndexLog,
  indexHeadEntry,
  indexLog,
  logEntries,
  newestOf,
} from './aggregate-logs.ts'
import { type BuildContext, buildArticle, mediaNames, photoSources } from './build-article.ts'
import { isStub } from './draft-stub.ts'
import { type KvEntry, withMetadata } from './kv-entry.ts'
import { oldTimes, placeItems } from './place-items.ts'
import { sharedContext, sharedItems } from './shared-items.ts'
import { newsArticle, SitemapLog, sitemapArticle } from './sitemap-log.ts'
import { movedSource, sourceHash } from './source-hash.ts'
import type { TakenTimes } from './stamp-sections.ts'
import { gone, moved, summarize, versioned } from './store-entries.ts'
import { SubjectDirectory } from './subject-directory.ts'
import { SubjectLogs } from './subject-logs.ts'

/** What the listing says of one article key. */
export interface ArticleMeta {
  h?: string
  /** The source hash it was built from (`moved:<slug>` for an alias). */
  s?: string
}

/** What publish knows of KV: the complete listing of article keys, and the values it read (null: absent). */
export interface KvSnapshot {
  listing: ReadonlyMap<string, ArticleMeta>
  values: ReadonlyMap<string, unknown>
  /** The listing of the topic and people directories (`v2:directory:`), by key. */
  directory?: ReadonlyMap<string, ArticleMeta>
}

/** Values of a namespace nothing was ever written to: every key reads as absent. */
class NothingStored extends Map<string, unknown> {
  override has(): boolean {
    return true
  }
}

/** A site nothing was ever published to (a fresh namespace; the Worker tests' seed). */
export const emptySnapshot = (): KvSnapshot => ({ listing: new Map(), values: new NothingStored() })

export interface PublishReport {
  added: string[]
  changed: string[]
  withdrawn: string[]
  /** Old slugs that now redirect (aliases written). */
  moved: string[]
  unchanged: number
  /** Published articles the content tree lacks: publish stops rather than delete a colleague's work. */
  missing: string[]
  /** Articles whose file is an older version than the one published: a stale checkout would revert an edit. */
  reverts: string[]
  /** Anything else that makes publishing unsafe; publish stops. */
  blockers: string[]
  warnings: string[]
  /** The "all" feed changed (for WebSub). */
  feedChanged: boolean
  /** The topic and person feeds whose heads this publish writes, by feed name (`topics/{id}`; for WebSub). */
  subjectFeeds: string[]
  /**
   * Site paths of the pages whose content changed and that readers can see now (an article page and its section
   * pages; added, edited, withdrawn or moved): search engines are told of them (IndexNow, Baidu).
   */
  pages: string[]
  /** Changed articles left for the next batch (a publish of many articles runs in batches; see BuildOptions.batch). */
  remaining: number
}

export interface BuiltContent {
  /** Keys this build needs to read first (not in the snapshot yet); when any, nothing else is meaningful. */
  needs: string[]
  /** Step 1: media of changed articles. */
  media: KvEntry[]
  /** Media names earlier publishes recorded as written. */
  knownMedia: ReadonlySet<string>
  /** Step 2: article values, their histories, aliases. */
  articles: KvEntry[]
  /** Step 3: complete pages of the feed archive and the article list (new or rewritten), sitemap parts. */
  pages: KvEntry[]
  /** Step 4: the two heads, the sitemap index. */
  heads: KvEntry[]
  /** Step 5: withdrawals (410) and aliases (301), once no list names the old article any more. */
  retired: KvEntry[]
  /**
   * Step 6: each changed article's value again, now with its source hash in the metadata. Until this is written
   * the article counts as changed, so a publish that died before its heads were written is redone next time.
   */
  commits: KvEntry[]
  /** Step 6: keys nothing references any more (media of withdrawn articles). */
  deletes: string[]
  report: PublishReport
  /** The built articles (changed ones). */
  articlesBuilt: Article[]
  /** Section times stamped so far in this publish, this build's included (for the next batch). */
  taken: TakenTimes
}

export interface BuildOptions {
  now: Date
  /** Slugs whose older version may replace the published one (`--allow-revert`). */
  allowRevert?: ReadonlySet<string>
  /** Each draft's source hash, computed before its photos were rendered (default: from the drafts given). */
  sources?: ReadonlyMap<string, string>
  /**
   * Build at most this many changed articles (oldest first); the rest are left for the next batch and counted in
   * `report.remaining`. Aliases are written with the last batch. Default: all of them.
   */
  batch?: number
  /** Section times stamped by earlier batches of the same publish (new stamps avoid them). */
  taken?: TakenTimes
  /**
   * The topics and people as content/topics.md and content/people.md define them, in file order: the directory
   * values and the names in their feeds' heads. Without them only the logs of ids articles name are kept.
   */
  subjects?: Readonly<Record<SubjectKind, readonly SubjectInfo[]>>
}

/** Reads a value from the snapshot, recording the key when it was never read. */
export class Reader {
  readonly needs = new Set<string>()
  constructor(private readonly values: ReadonlyMap<string, unknown>) {}
  get(key: string): unknown {
    if (!this.values.has(key)) {
      this.needs.add(key)
      return null
    }
    return this.values.get(key) ?? null
  }
  /**
   * Parses a value; one that does not fit the model counts as absent (reported by the caller when it matters).
   * Any other error is a bug here, not bad data, and is thrown.
   */
  parse<T>(key: string, parse: (v: unknown) => T): T | null {
    const raw = this.get(key)
    if (raw === null) return null
    try {
      return parse(raw)
    } catch (error) {
      if (error instanceof ModelError) return null
      throw error
    }
  }
}

/**
 * The drafts oldest first, newest articles last in the log: the order of a first publish of an existing site (each
 * draft's time parsed once, not once per comparison: a first publish sorts thousands, every batch).
 */
function inPublishingOrder(drafts: readonly DraftArticle[]): DraftArticle[] {
  const timed = drafts.map((d) => ({ d, t: Date.parse(d.published) }))
  timed.sort((a, b) => a.t - b.t || (a.d.slug < b.d.slug ? -1 : a.d.slug > b.d.slug ? 1 : 0))
  return timed.map(({ d }) => d)
}

/**
 * The drafts this publish (re)builds, oldest first: those whose source differs from what the listing says was
 * committed; `batch` keeps the first ones only. Photos are rendered for exactly these.
 */
export function changedDrafts(
  drafts: readonly DraftArticle[],
  listing: ReadonlyMap<string, ArticleMeta>,
  sources: ReadonlyMap<string, string>,
  batch = Number.POSITIVE_INFINITY,
): { build: DraftArticle[]; remaining: number } {
  const changed = inPublishingOrder(drafts.filter((d) => listing.get(d.slug)?.s !== sources.get(d.slug)))
  const build = changed.slice(0, batch)
  return { build, remaining: changed.length - build.length }
}

const isAlias = (meta: ArticleMeta | undefined): boolean => meta?.s?.startsWith('moved:') ?? false

/**
 * Whether the publish that wrote `history` finished: its last step commits the source hash to the listing. A
 * history written by a publish that died before then names positions whose heads may never have been written.
 */
const landed = (listing: KvSnapshot['listing'], slug: string, history: ArticleHistory): boolean =>
  listing.get(slug)?.s === history.sources.at(-1)

/** A file whose source is an older version than the one published: publishing it reverts a colleague's edit. */
export const isRevert = (history: ArticleHistory | null, source: string): boolean =>
  history !== null && history.sources.at(-1) !== source && history.sources.includes(source)

function previousHistory(read: Reader, slug: string): { history: ArticleHistory | null; wasGone: boolean } {
  const stored = read.get(keys.article(slug))
  const own = stored === null ? null : historyInValue(stored)
  const kept = read.parse(keys.history(slug), (v) => parseArticleHistory(v))
  const history = own ?? kept
  const wasGone = typeof stored === 'object' && stored !== null && 'gone' in stored
  const wasAlias = typeof stored === 'object' && stored !== null && 'moved' in stored
  return { history: wasAlias ? kept : history, wasGone }
}

/** A report of a publish that changes nothing: what buildEntries fills in as it decides. */
export const emptyPublishReport = (): PublishReport => ({
  added: [],
  changed: [],
  withdrawn: [],
  moved: [],
  unchanged: 0,
  missing: [],
  reverts: [],
  blockers: [],
  warnings: [],
  feedChanged: false,
  subjectFeeds: [],
  pages: [],
  remaining: 0,
})

/** Builds every entry a publish writes; see BuiltContent for the order they must be written in. */
export function buildEntries(
  drafts: readonly DraftArticle[],
  snap: KvSnapshot,
  o: BuildOptions,
): BuiltContent {
  const read = new Reader(snap.values)
  const report = emptyPublishReport()
  const sources = o.sources ?? new Map(drafts.map((d) => [d.slug, sourceHash(d)]))
  const { changed, retiring } = slugPlan(drafts, snap, sources, o.batch, report)
  const logs = readLogs(read, snap, report)
  const sitemap = readSitemap(read, snap, o.now, changed.length > 0 || retiring.length > 0)
  let live: Set<string> | undefined
  const state: BuildState = {
    read,
    listing: snap.listing,
    report,
    ...logs,
    sitemap,
    subjects: new SubjectLogs(
      read,
      new Map(
        [...(o.subjects?.topic ?? []), ...(o.subjects?.person ?? [])].map((x) => [`${x.kind}:${x.id}`, x]),
      ),
    ),
    homeTopics: o.subjects?.topic.slice(0, HOME_TOPICS).map((t) => ({ id: t.id, name: t.name })),
    directory: o.subjects ? new SubjectDirectory(read, snap.directory ?? new Map(), o.subjects) : null,
    ctx: { media: new Map(), now: o.now, taken: new Set(o.taken) },
    when: formatNow(o.now),
    // Only a withdrawal asks: which photo files do live articles still use?
    livePhotos: () => {
      live ??= new Set(drafts.filter((d) => !d.withdrawn).flatMap(photoSources))
      return live
    },
    articles: [],
    retired: [],
    commits: [],
    deletes: [],
    knownMedia: new Set(),
    built: [],
  }

  for (const draft of changed) {
    // A stub has no text: building one would publish an empty article.
    if (isStub(draft)) throw new Error(`publish would build ${draft.file} from its stub; this is a bug`)
    const source = sources.get(draft.slug) ?? ''
    const prev = previousHistory(read, draft.slug)
    // Only this article's own reads hold it back: every article asks for its logs' heads and pages in the same
    // round (a batch of 400 articles naming 300 topics and 500 people is one round, not one per article).
    if (read.needs.has(keys.article(draft.slug)) || read.needs.has(keys.history(draft.slug))) continue
    if (isRevert(prev.history, source) && !o.allowRevert?.has(draft.slug)) report.reverts.push(draft.slug)
    const kept = [...(prev.history?.sources ?? []), source].slice(-HISTORY_SOURCES)
    if (draft.withdrawn) withdrawArticle(state, { ...draft, withdrawn: draft.withdrawn }, prev, source, kept)
    else publishArticle(state, draft, prev, source, kept)
  }
  retireAliases(state, snap, retiring)
  return builtContent(state)
}

/** What the steps of a build share: the reads, the two logs being edited, the report and the entries so far. */
interface BuildState extends Logs {
  read: Reader
  listing: KvSnapshot['listing']
  report: PublishReport
  /** The sitemap parts and index being edited; null when this publish changes no article. */
  sitemap: SitemapLog | null
  /** The feed logs of the topics and people the changed articles touch. */
  subjects: SubjectLogs
  /** The topic and people lists; null when the build was given no definitions. */
  directory: SubjectDirectory | null
  /** The topics the home page lists, when the build was given the definitions. */
  homeTopics: TopicLink[] | undefined
  ctx: BuildContext
  /** This publish's time, as tombstones and retirements record it. */
  when: string
  livePhotos: () => ReadonlySet<string>
  articles: KvEntry[]
  retired: KvEntry[]
  commits: KvEntry[]
  deletes: string[]
  knownMedia: Set<string>
  built: Article[]
}

/**
 * Records published articles the tree lacks (missing) and aliases that are another article's slug (blockers);
 * returns each live article's aliases with the slug they point at.
 */
function checkSlugs(
  drafts: readonly DraftArticle[],
  snap: KvSnapshot,
  report: PublishReport,
): Map<string, string> {
  const bySlug = new Map(drafts.map((d) => [d.slug, d]))
  const aliasOf = new Map(
    drafts.flatMap((d) => (d.withdrawn ? [] : d.aliases.map((a) => [a, d.slug] as const))),
  )
  for (const [slug, meta] of snap.listing)
    if (!bySlug.has(slug) && !aliasOf.has(slug) && !isAlias(meta)) report.missing.push(slug)
  for (const [alias, to] of aliasOf)
    if (bySlug.has(alias))
      report.blockers.push(`alias "${alias}" of ${to} is the slug of articles/${alias}.md; remove one`)
  return aliasOf
}

/** A slug plan made for one tree, listing, set of sources and batch size (every round of reads asks again). */
interface SlugPlan {
  key: readonly [ReadonlyMap<string, string>, number | undefined]
  missing: string[]
  blockers: string[]
  changed: DraftArticle[]
  retiring: [string, string][]
  remaining: number
  unchanged: number
}

const slugPlans = new WeakMap<readonly DraftArticle[], WeakMap<KvSnapshot['listing'], SlugPlan>>()

/**
 * checkSlugs then planBatch, into `report`; made once for the same drafts, listing, sources and batch size (a
 * build's rounds of reads change none of them: only the values read).
 */
function slugPlan(
  drafts: readonly DraftArticle[],
  snap: KvSnapshot,
  sources: ReadonlyMap<string, string>,
  batch: number | undefined,
  report: PublishReport,
): Pick<SlugPlan, 'changed' | 'retiring'> {
  const byListing = slugPlans.get(drafts) ?? new WeakMap<KvSnapshot['listing'], SlugPlan>()
  slugPlans.set(drafts, byListing)
  let plan = byListing.get(snap.listing)
  if (plan?.key[0] !== sources || plan.key[1] !== batch) {
    const made = emptyPublishReport()
    const aliasOf = checkSlugs(drafts, snap, made)
    const { changed, retiring } = planBatch(drafts, snap, sources, aliasOf, batch, made)
    plan = {
      key: [sources, batch],
      missing: made.missing,
      blockers: made.blockers,
      changed,
      retiring,
      remaining: made.remaining,
      unchanged: made.unchanged,
    }
    byListing.set(snap.listing, plan)
  }
  report.missing.push(...plan.missing)
  report.blockers.push(...plan.blockers)
  report.remaining = plan.remaining
  report.unchanged = plan.unchanged
  return { changed: plan.changed, retiring: plan.retiring }
}

/** The drafts this batch builds and the aliases it writes (only with the last batch); counts the rest. */
function planBatch(
  drafts: readonly DraftArticle[],
  snap: KvSnapshot,
  sources: ReadonlyMap<string, string>,
  aliasOf: ReadonlyMap<string, string>,
  batch: number | undefined,
  report: PublishReport,
): { changed: DraftArticle[]; retiring: [string, string][] } {
  const { build: changed, remaining } = changedDrafts(drafts, snap.listing, sources, batch)
  // Aliases point at their article: they wait for the last batch, when every article is written.
  const retiring = [...aliasOf].filter(([alias, to]) => {
    if (remaining > 0) return false
    const meta = snap.listing.get(alias)
    return meta !== undefined ? meta.s !== movedSource(to) : true
  })
  report.remaining = remaining
  report.unchanged = drafts.length - changed.length - remaining
  return { changed, retiring }
}

/** The feed log and the article list as KV holds them, and where their heads say the next position is. */
interface Logs {
  feedHead: FeedHeadValue | null
  indexHead: IndexHeadValue | null
  /** Positions at or past these were handed out by a publish that died before writing the heads: never landed. */
  feedNext: number
  indexNext: number
  feed: FeedLog
  index: IndexLog
}

/** Reads both heads (a blocker when one is lost while articles are published) and opens both logs on them. */
function readLogs(read: Reader, snap: KvSnapshot, report: PublishReport): Logs {
  const feedHead = read.parse(keys.feedHead(), parseFeedHeadValue)
  const indexHead = read.parse(keys.indexHead(), parseIndexHeadValue)
  // Only a finished publish commits a source hash: one that died before its heads leaves no list to restart.
  const committed = [...snap.listing.values()].some((m) => m.s !== undefined && !isAlias(m))
  if (committed && read.needs.size === 0 && (feedHead === null || indexHead === null))
    report.blockers.push(
      `${feedHead === null ? keys.feedHead() : keys.indexHead()} is missing or unusable while articles are published; publishing now would restart the list and overwrite archive pages. Rebuild it from the pages and the articles' histories with \`npm run content:publish -- --local|--remote --rebuild-heads\`, then publish again.`,
    )
  return {
    feedHead,
    indexHead,
    feedNext: feedHead?.next ?? 0,
    indexNext: indexHead?.next ?? 0,
    feed: feedLog(feedHead, (page) => read.parse(keys.feedArchive(page), parseFeedArchiveValue)?.items),
    index: indexLog(indexHead, (page) => read.parse(keys.indexPage(page), parseIndexPageValue)?.articles),
  }
}

/**
 * The sitemaps, read only by a publish that changes an article (a no-op reads nothing but the listing). A site
 * published before sitemaps existed: its first publish that changes anything lists every live article.
 */
function readSitemap(read: Reader, snap: KvSnapshot, now: Date, changes: boolean): SitemapLog | null {
  const sitemap = changes ? new SitemapLog(read, now) : null
  const liveListed = [...snap.listing.values()].some((m) => !isAlias(m))
  if (sitemap?.fresh && liveListed && !read.needs.has(keys.sitemapIndex()))
    backfillSitemap(sitemap, read, snap.listing)
  return sitemap
}

/** The site paths of an article's page and of its item pages. */
export const pagePaths = (slug: string, itemIds: readonly string[]): string[] => [
  articlePageUrl('', slug),
  ...itemIds.map((id) => sectionPageUrl('', slug, id)),
]

/** Lists every live article of the listing in the sitemaps (their values are read for it). */
function backfillSitemap(sitemap: SitemapLog, read: Reader, listing: KvSnapshot['listing']): void {
  for (const [slug, meta] of listing) {
    if (isAlias(meta)) continue
    const raw = read.get(keys.article(slug))
    const history = raw === null ? null : historyInValue(raw)
    const stored = read.parse(keys.article(slug), parseStoredArticle)
    if (history === null || stored?.kind !== 'article') continue
    const { article } = stored.value
    sitemap.put(sitemapArticle(article, history.slot), newsArticle(article))
  }
}

type Previous = ReturnType<typeof previousHistory>

/** A withdrawn draft: off the lists (once), its unshared media deleted, a 410 value and its history kept. */
function withdrawArticle(
  s: BuildState,
  draft: DraftArticle & Required<Pick<DraftArticle, 'withdrawn'>>,
  prev: Previous,
  source: string,
  sources: string[],
): void {
  const history = prev.history
  if (history === null) {
    s.report.warnings.push(`${draft.file}: withdrawn but never published; nothing to withdraw`)
    return
  }
  if (!prev.wasGone) {
    retire(s.feed, s.index, draft.slug, history, draft.withdrawn.at)
    s.sitemap?.remove(draft.slug, history.slot)
    if (isPublishedBy(history.published, s.ctx.now.getTime()))
      s.report.pages.push(...pagePaths(draft.slug, Object.keys(history.items)))
    s.subjects.retire(draft.slug, history, landed(s.listing, draft.slug, history), draft.withdrawn.at)
    // Renditions are named by their bytes: an article sharing a photo file shares them; keep those.
    if (!history.photos.some((p) => s.livePhotos().has(p))) s.deletes.push(...history.media.map(keys.media))
  }
  const next: ArticleHistory = {
    ...history,
    sources,
    items: {},
    media: [],
    photos: [],
    topics: {},
    people: {},
  }
  s.retired.push(gone(draft, next, source), versioned(keys.history(draft.slug), next))
  s.report.withdrawn.push(draft.slug)
  s.report.feedChanged = true
}

/** A live draft: built, placed in the article list and the feed, its value, history and commit entries. */
function publishArticle(
  s: BuildState,
  draft: DraftArticle,
  prev: Previous,
  source: string,
  sources: string[],
): void {
  const history = prev.history
  const { article, hashes, lede, gallery } = buildArticle(draft, history, s.ctx)
  s.built.push(article)
  for (const name of history?.media ?? []) s.knownMedia.add(name)
  const fresh = history === null || prev.wasGone
  const slot = placeInIndex(s, article, fresh ? null : history)
  s.sitemap?.put(sitemapArticle(article, slot), newsArticle(article), fresh ? undefined : history.slot)
  const items = placeFeedItems(s, article, fresh ? null : history)
  const oldItems = fresh ? {} : (history?.items ?? {})
  dropGoneSections(s, draft, article, oldItems)
  // Embargoed pages answer 404 until their time: the cron tells search engines then.
  if (isPublishedBy(article.published, s.ctx.now.getTime())) {
    const ids = articleItems(article).map((i) => i.id)
    const gone = Object.keys(oldItems).filter((id) => !ids.includes(id))
    s.report.pages.push(...pagePaths(draft.slug, [...ids, ...gone]))
  }
  const sections: ArticleHistory['sections'] = Object.fromEntries(
    article.sections.map((sec, i) => [sec.id, { hash: hashes[i] ?? '', updated: sec.updated }]),
  )
  const stamps = [
    history?.newest ?? article.published,
    ...Object.values(sections).map((sec) => sec.updated),
    ...(gallery.updated ? [gallery.updated] : []),
  ]
  const next: ArticleHistory = {
    ...s.subjects.place(
      article,
      fresh ? null : history,
      history !== null && landed(s.listing, draft.slug, history),
      sharedContext(article),
      s.when,
    ),
    published: article.published,
    sources,
    sections,
    newest: stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)),
    slot,
    items,
    media: mediaNames(article),
    photos: photoSources(draft),
    lede,
    gallery,
  }
  const value = versioned(keys.article(draft.slug), { article, history: next })
  s.articles.push(value, versioned(keys.history(draft.slug), next))
  s.commits.push(withMetadata(value, { ...value.metadata, s: source }))
  ;(fresh ? s.report.added : s.report.changed).push(draft.slug)
}

/** The article's slot in the list: its old one edited in place when it has one that landed, else a new one. */
function placeInIndex(s: BuildState, article: Article, history: ArticleHistory | null): number {
  const entry = (n: number): IndexEntry => ({ ...summarize(article), n })
  return history !== null &&
    history.slot < s.indexNext &&
    s.index.edit(history.slot, () => entry(history.slot))
    ? history.slot
    : s.index.append(entry)
}

/** Each item's position in the "all" feed (place-items.ts); returns section id → position. */
function placeFeedItems(
  s: BuildState,
  article: Article,
  history: ArticleHistory | null,
): Record<string, number> {
  const { positions, appended } = placeItems(
    s.feed,
    s.feedNext,
    sharedItems(article),
    history?.items ?? {},
    oldTimes(history),
    sharedContext(article),
  )
  if (appended) s.report.feedChanged = true
  return positions
}

/** Sections the article no longer has (under any former id): a warning and a tombstone each. */
function dropGoneSections(
  s: BuildState,
  draft: DraftArticle,
  article: Article,
  oldItems: Readonly<Record<string, number>>,
): void {
  const kept = new Set(articleItems(article).flatMap((sec) => [sec.id, ...(sec.was ?? [])]))
  for (const [id, at] of Object.entries(oldItems)) {
    if (kept.has(id)) continue
    s.report.warnings.push(
      `${draft.file}: section "${id}" is gone; if it was renamed, write {#new-id was=${id}} so subscribers see no duplicate`,
    )
    tombstone(s.feed, at, draft.slug, draft.published, id, s.when)
    s.report.feedChanged = true
  }
}

/** Aliases written with the last batch: an old slug still listed comes off the lists, then redirects (301). */
function retireAliases(s: BuildState, snap: KvSnapshot, retiring: readonly [string, string][]): void {
  for (const [alias, to] of retiring) {
    if (snap.listing.has(alias)) {
      const prev = previousHistory(s.read, alias)
      if (prev.history && !prev.wasGone) {
        retire(s.feed, s.index, alias, prev.history, s.when)
        s.sitemap?.remove(alias, prev.history.slot)
        s.report.pages.push(...pagePaths(alias, Object.keys(prev.history.items)))
        s.subjects.retire(alias, prev.history, landed(snap.listing, alias, prev.history), s.when)
      }
    }
    s.retired.push(moved(alias, to))
    s.report.moved.push(alias)
  }
}

/** The entries in write order: pages of both logs that changed, the heads that changed, and the rest as built. */
function builtContent(s: BuildState): BuiltContent {
  const pages = [
    ...logEntries(s.feed.pages(), (page, items) =>
      versioned(keys.feedArchive(page), { page, updated: newestOf(items), items }),
    ),
    ...logEntries(s.index.pages(), (page, list) =>
      versioned(keys.indexPage(page), { page, updated: newestOf(list), articles: list }),
    ),
  ]
  const sitemapEntries = s.sitemap?.entries() ?? { parts: [], index: [] }
  pages.push(...sitemapEntries.parts)
  const heads: KvEntry[] = []
  if (s.feed.headChanged || s.feedHead === null) heads.push(feedHeadEntry(s.feed))
  // The home page lists the first topics: the head carries them (one KV read), rewritten when they change.
  const topics = s.homeTopics ?? s.indexHead?.topics
  const topicsChanged = JSON.stringify(topics) !== JSON.stringify(s.indexHead?.topics)
  if (s.index.headChanged || s.indexHead === null || topicsChanged)
    heads.push(indexHeadEntry(s.index, topics))
  heads.push(...sitemapEntries.index)
  s.directory?.prepare(s.subjects, s.subjects.openKeys())
  const subjects = s.subjects.entries()
  // Subject pages with the others; their heads after the pages they continue; the lists last, once every feed
  // they link to exists.
  pages.push(...subjects.pages)
  heads.push(...subjects.heads, ...(s.directory?.entries(subjects.updated) ?? []))
  s.report.subjectFeeds.push(...subjects.feeds)
  for (const key of s.subjects.lost)
    s.report.blockers.push(
      `${key} is missing or unusable while articles record items in it; publishing now would restart that feed and overwrite its archive pages. Rebuild it from its pages and the articles' histories with \`npm run content:publish -- --local|--remote --rebuild-heads\`, then publish again.`,
    )
  return {
    needs: [...s.read.needs],
    media: [...s.ctx.media.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    knownMedia: s.knownMedia,
    articles: s.articles,
    pages,
    heads,
    retired: s.retired,
    commits: s.commits,
    deletes: [...new Set(s.deletes)].sort(),
    report: s.report,
    articlesBuilt: s.built,
    taken: s.ctx.taken,
  }
}

/** Takes an article off the lists: its list entry, its open feed items; tombstones for every item it had. */
function retire(feed: FeedLog, index: IndexLog, slug: string, h: ArticleHistory, when: string): void {
  index.edit(h.slot, () => null)
  for (const [id, at] of Object.entries(h.items)) tombstone(feed, at, slug, h.published, id, when)
}

/** Removes the item at `at` wherever it is (text withdrawn from archive pages too) and appends its tombstone. */
export function tombstone(
  feed: FeedLog,
  at: number,
  slug: string,
  published: string,
  sectionId: string,
  when: string,
) {
  let itemPublished = published
  feed.edit(at, (old) => {
    if ('article' in old) itemPublished = old.article.published
    return null
  })
  feed.append((n): FeedLogEntry => ({ n, deleted: { slug, published: itemPublished, sectionId, when } }))
}

export function formatNow(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`
}
