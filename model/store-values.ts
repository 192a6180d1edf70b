/** The shapes of the values publish writes to KV (see README "KV layout"); each is read by exactly one kind of request. */
import type { Article, ArticleHeader, Photo } from './article.ts'
import type { ItemSection } from './article-items.ts'

/** `v1:article:{slug}`: one article, everything its page, its three feeds and oEmbed need. */
export interface ArticleValue {
  /** Content hash of this value: the basis of every ETag derived from it. */
  version: string
  article: Article
}

/** What the home page, the OPML and the "all" feeds know of an article. */
export interface ArticleSummary extends ArticleHeader {
  /** RFC 3339: the article's `updated`. */
  updated: string
  sectionCount: number
  /** The first photo of the article, for cards and link previews. */
  photo?: Photo
}

/** `v1:index`: the list of articles, newest published first. */
export interface IndexValue {
  version: string
  /** Newest `updated` of all articles (RFC 3339), or null for an empty site. */
  updated: string | null
  articles: ArticleSummary[]
}

/** One item of the "all articles" feed: an item of an article (`articleItems`) with the article context it needs. */
export interface FeedEntry {
  article: Omit<ArticleSummary, 'sectionCount' | 'photo'>
  section: ItemSection
}

/** `v1:all:{page}`: page N (1 = newest) of the "all articles" feed, at most ALL_PAGE_SIZE items. */
export interface AllPageValue {
  version: string
  page: number
  pages: number
  updated: string | null
  items: FeedEntry[]
}

/** Items per page of the "all articles" feeds. */
export const ALL_PAGE_SIZE = 50
