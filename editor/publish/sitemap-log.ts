/**
 * The sitemap values a publish rewrites (docs/operators.md "KV layout"): the part holding each changed article's slot and
 * the sitemap index (which lists each part's pieces, sitemap-pieces.ts). An article keeps its slot of the article
 * list, so an edit or a withdrawal rewrites exactly one part and the index; nothing else of the site is read or written.
 */
import type { Article } from '../../model/article.ts'
import { articleItems } from '../../model/article-items.ts'
import { newest } from '../../model/newest.ts'
import { parseSitemapIndexValue, parseSitemapPartValue } from '../../model/parse-sitemap-values.ts'
import { sitemapPieces } from '../../model/sitemap-pieces.ts'
import {
  NEWS_WINDOW_MS,
  type NewsArticle,
  SITEMAP_PART_SIZE,
  type SitemapArticle,
  type SitemapIndexValue,
  type SitemapPartSummary,
} from '../../model/sitemap-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { KvEntry } from './kv-entry.ts'
import { versioned } from './store-entries.ts'

/** How the build reads KV values (build-entries.ts's Reader): null when absent, unusable or not read yet. */
export interface ValueReader {
  parse<T>(key: string, parse: (v: unknown) => T): T | null
}

/** The part a slot of the article list belongs to (1-based, like the article list's pages). */
export const sitemapPartOf = (slot: number): number => Math.floor(slot / SITEMAP_PART_SIZE) + 1

const laterOf = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a)

/** An article as the sitemaps list it: its page, each item's own page, every photo once. */
export function sitemapArticle(article: Article, slot: number): SitemapArticle {
  const items = articleItems(article)
  const images = items.flatMap((i) => i.photos.map((p) => p.src))
  return {
    n: slot,
    slug: article.slug,
    published: article.published,
    updated: article.updated,
    // The gallery's default time reads one second before publication (a feed-order device): a page changes at
    // its publication at the earliest.
    sections: items.map((i) => ({ id: i.id, updated: laterOf(i.updated, article.published) })),
    images: [...new Set(images)],
  }
}

/** What the news sitemap needs of an article. */
export const newsArticle = (a: Article): NewsArticle => ({
  slug: a.slug,
  title: a.title,
  lang: a.lang,
  published: a.published,
})

/** One edit of a part: an article listed at its slot, or an article taken off. */
type PartEdit = { put: SitemapArticle } | { remove: string }

/**
 * Edits the sitemap parts and index in memory; `entries()` gives what changed. Edits are recorded and applied
 * only then, so every part a publish touches is read in one round (the build stops at the first value it lacks).
 */
export class SitemapLog {
  private readonly edits = new Map<number, PartEdit[]>()
  private readonly index: SitemapIndexValue | null
  private readonly news: Map<string, NewsArticle>
  private changed = false

  constructor(
    private readonly read: ValueReader,
    private readonly now: Date,
  ) {
    this.index = read.parse(keys.sitemapIndex(), parseSitemapIndexValue)
    this.news = new Map((this.index?.news ?? []).map((n) => [n.slug, n]))
  }

  /** True when no index was ever written: a first publish, or a site published before sitemaps existed. */
  get fresh(): boolean {
    return this.index === null
  }

  private edit(page: number, edit: PartEdit): void {
    const list = this.edits.get(page) ?? []
    list.push(edit)
    this.edits.set(page, list)
    this.changed = true
  }

  /** Lists `entry` at its slot (taking it off `formerSlot` when the article moved to a new one). */
  put(entry: SitemapArticle, news: NewsArticle, formerSlot?: number): void {
    if (formerSlot !== undefined && formerSlot !== entry.n) this.remove(entry.slug, formerSlot)
    this.edit(sitemapPartOf(entry.n), { put: entry })
    if (Date.parse(news.published) >= this.now.getTime() - NEWS_WINDOW_MS) this.news.set(news.slug, news)
    else this.news.delete(news.slug)
  }

  /** Takes an article off the sitemaps (withdrawn, or its slug became an alias). */
  remove(slug: string, slot: number): void {
    this.edit(sitemapPartOf(slot), { remove: slug })
    this.news.delete(slug)
  }

  /** A part's articles after the edits, and whether they differ from what KV holds. */
  private applied(page: number, edits: readonly PartEdit[]): { list: SitemapArticle[]; same: boolean } {
    const stored = this.fresh ? null : this.read.parse(keys.sitemapPart(page), parseSitemapPartValue)
    let list = stored?.articles ?? []
    for (const e of edits) {
      if ('remove' in e) list = list.filter((a) => a.slug !== e.remove)
      else list = [...list.filter((a) => a.n !== e.put.n && a.slug !== e.put.slug), e.put]
    }
    list.sort((a, b) => a.n - b.n)
    return { list, same: stored !== null && JSON.stringify(stored.articles) === JSON.stringify(list) }
  }

  /** The parts to write (step "pages": before the index names them) and the index (step "heads"). */
  entries(): { parts: KvEntry[]; index: KvEntry[] } {
    if (!this.changed) return { parts: [], index: [] }
    const summaries = new Map<number, SitemapPartSummary[]>()
    for (const p of this.index?.parts ?? []) summaries.set(p.page, [...(summaries.get(p.page) ?? []), p])
    const parts: KvEntry[] = []
    for (const page of [...this.edits.keys()].sort((a, b) => a - b)) {
      const { list, same } = this.applied(page, this.edits.get(page) ?? [])
      if (same) continue
      parts.push(versioned(keys.sitemapPart(page), { page, articles: list }))
      if (list.length === 0) summaries.delete(page)
      else summaries.set(page, this.summaries(page, list))
    }
    const since = this.now.getTime() - NEWS_WINDOW_MS
    const news = [...this.news.values()]
      .filter((n) => Date.parse(n.published) >= since)
      .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || (a.slug < b.slug ? -1 : 1))
    const body = {
      parts: [...summaries.values()].flat().sort((a, b) => a.page - b.page || a.piece - b.piece),
      news,
    }
    const index = versioned(keys.sitemapIndex(), body)
    // The version is the hash of the JSON written: the same body gives the same version.
    return { parts, index: this.index?.version === index.metadata.h ? [] : [index] }
  }

  /** Each piece of a part (sitemap-pieces.ts): what the index lists of it. */
  private summaries(page: number, list: readonly SitemapArticle[]): SitemapPartSummary[] {
    return sitemapPieces(list).map((piece, i) => this.summary(page, i + 1, piece))
  }

  private summary(page: number, piece: number, list: readonly SitemapArticle[]): SitemapPartSummary {
    const now = this.now.getTime()
    const live = list.filter((a) => Date.parse(a.published) <= now)
    return {
      page,
      piece,
      count: list.length,
      updated: newest(live.map((a) => a.updated)) ?? null,
      scheduled: list
        .filter((a) => Date.parse(a.published) > now)
        .map((a) => ({ slug: a.slug, published: a.published, updated: a.updated })),
    }
  }
}
