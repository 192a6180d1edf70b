/** Builds every KV entry for a content tree: articles, media, the index and the "all" feed pages (README "KV layout"). */
import type { Article } from '../../model/article.ts'
import { articleItems, galleryUpdated } from '../../model/article-items.ts'
import { newest } from '../../model/newest.ts'
import { keys } from '../../model/store-keys.ts'
import {
  ALL_PAGE_SIZE,
  type AllPageValue,
  type ArticleSummary,
  type ArticleValue,
  type FeedEntry,
  type IndexValue,
} from '../../model/store-values.ts'
import type { DraftArticle } from '../content/draft.ts'
import { articleHeader, type BuildContext, buildArticle } from './build-article.ts'
import { contentHash } from './content-hash.ts'
import type { KvEntry, PublishState } from './kv-entry.ts'
import type { TakenTimes } from './stamp-sections.ts'

export interface BuiltContent {
  /** Media and article values: written first. */
  content: KvEntry[]
  /** Index, "all" pages and the publish state: written once every article they point at is in place. */
  aggregates: KvEntry[]
  articles: Article[]
}

/** A JSON value stored under `key`, with a `version` (its own content hash) for ETags; serialised once. */
function versioned(key: string, body: object): KvEntry {
  const json = JSON.stringify(body)
  const version = contentHash(json)
  const value = json === '{}' ? `{"version":"${version}"}` : `{"version":"${version}",${json.slice(1)}`
  return { key, value, metadata: { h: version } }
}

function summarize(a: Article): ArticleSummary {
  const photo = a.sections.find((s) => s.photos.length > 0)?.photos[0] ?? a.photos[0]
  return {
    ...articleHeader(a),
    updated: a.updated,
    sectionCount: a.sections.length,
    ...(photo ? { photo } : {}),
  }
}

/** Newest publication first; the slug breaks ties so the order never depends on file-system order. */
function byNewest(a: Article, b: Article): number {
  return Date.parse(b.published) - Date.parse(a.published) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}

function allPages(articles: readonly ArticleSummary[], bySlug: ReadonlyMap<string, Article>): KvEntry[] {
  const items: FeedEntry[] = []
  for (const summary of articles) {
    const { sectionCount: _count, photo: _photo, ...article } = summary
    const full = bySlug.get(summary.slug)
    for (const section of full ? articleItems(full) : []) items.push({ article, section })
  }
  const pages = Math.max(1, Math.ceil(items.length / ALL_PAGE_SIZE))
  const entries: KvEntry[] = []
  for (let page = 1; page <= pages; page++) {
    const slice = items.slice((page - 1) * ALL_PAGE_SIZE, page * ALL_PAGE_SIZE)
    const body: Omit<AllPageValue, 'version'> = {
      page,
      pages,
      updated: newest(slice.map((i) => i.section.updated)) ?? null,
      items: slice,
    }
    entries.push(versioned(keys.allPage(page), body))
  }
  return entries
}

/** Times a section may keep (previous stamps, editors' own): reserved before anything new is stamped. */
function takenTimes(drafts: readonly DraftArticle[], previous: PublishState): TakenTimes {
  const times = [
    ...Object.values(previous.sections).map((s) => s.updated),
    ...drafts.flatMap((d) => d.sections.flatMap((s) => (s.updated ? [s.updated] : []))),
    // A gallery item's fixed time (model/article-items.ts) is never given to a section.
    ...drafts.flatMap((d) => (d.photos.length > 0 ? [galleryUpdated(d.published)] : [])),
  ]
  return new Set(times.map((t) => Math.floor(Date.parse(t) / 1000) * 1000))
}

/** Pure: the same drafts, previous state and clock always give the same entries. */
export function buildEntries(
  drafts: readonly DraftArticle[],
  previous: PublishState,
  now: Date,
): BuiltContent {
  const nextState: PublishState = { sections: {} }
  const ctx: BuildContext = {
    previous,
    previousSlugs: new Set(Object.keys(previous.sections).map((k) => k.slice(0, k.indexOf('/')))),
    nextState,
    media: new Map(),
    now,
    taken: takenTimes(drafts, previous),
  }
  const articles = drafts.map((d) => buildArticle(d, ctx)).sort(byNewest)
  const articleEntries = articles.map((article) =>
    versioned(keys.article(article.slug), { article } satisfies Omit<ArticleValue, 'version'>),
  )
  const summaries = articles.map(summarize)
  const index: Omit<IndexValue, 'version'> = {
    updated: newest(articles.map((a) => a.updated)) ?? null,
    articles: summaries,
  }
  const bySlug = new Map(articles.map((a) => [a.slug, a]))
  const stateJson = JSON.stringify(nextState)
  return {
    content: [...[...ctx.media.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), ...articleEntries],
    aggregates: [
      ...allPages(summaries, bySlug),
      versioned(keys.index(), index),
      { key: keys.publishState(), value: stateJson, metadata: { h: contentHash(stateJson) } },
    ],
    articles,
  }
}
