/** The shapes of the values publish writes to KV (docs/operators.md "KV layout"); each is read by exactly one kind of request. */
import type { Article, ArticleHeader, Photo } from './article.ts'
import type { ItemSection } from './article-items.ts'
import type { SubjectInfo } from './subject.ts'

/**
 * The publisher's record of one article, kept twice (inside the article's value and under `v2:history:{slug}`)
 * so that losing either value loses no history. The Worker never reads it.
 */
export interface ArticleHistory {
  /** The article's publication time (its items' tag: URIs carry its year). */
  published: string
  /** Source hashes of the versions published, oldest first (at most HISTORY_SOURCES): a stale checkout shows here. */
  sources: string[]
  /** Section id → the content hash and the time publish stamped for it. */
  sections: Record<string, { hash: string; updated: string }>
  /** The newest time ever stamped for this article: a new stamp is never earlier (clock skew). */
  newest: string
  /** The article's position in the article list (home page, OPML); fixed at first publish. */
  slot: number
  /** Section id → position of its current version in the "all" feed log. */
  items: Record<string, number>
  /** Media names (`<hash>.<ext>`) the published version uses, every rendition included. */
  media: string[]
  /** Content hashes of the photo files those media were made from (shared files keep shared media). */
  photos: string[]
  /**
   * Content hash of the lede, which opens the first section's item: a new lede re-stamps that section so readers
   * see the edit. Absent from histories written before it was recorded (the next lede edit then records it).
   */
  lede?: string
  /**
   * The gallery's content hash and, once it changed after its first publish, its stamp. Absent from histories
   * written before it was recorded (the next gallery edit then records it without a stamp).
   */
  gallery?: { hash: string; updated?: string }
  /**
   * Topic id → section id → position of that item in the topic's feed log; likewise `people` for each person
   * credited (all items for a writer, the items holding their photos for a photographer). Absent before topics.
   */
  topics?: Record<string, Record<string, number>>
  people?: Record<string, Record<string, number>>
}

/** How many source hashes a history keeps. */
export const HISTORY_SOURCES = 20

/** `v2:article:{slug}` while the article is live: everything its page, its three feeds and oEmbed need. */
export interface ArticleValue {
  /** Content hash of this value: the basis of every ETag derived from it. */
  version: string
  article: Article
}

/** `v2:article:{slug}` after an explicit withdrawal: the page and feeds answer 410 Gone. */
export interface GoneValue {
  version: string
  gone: { slug: string; withdrawn: string; reason: string }
}

/** `v2:article:{old-slug}` for an alias: the old URLs answer 301 to the article's new slug. */
export interface MovedValue {
  version: string
  moved: { to: string }
}

/** What the Worker finds under an article key. */
export type StoredArticle =
  | { kind: 'article'; value: ArticleValue }
  | { kind: 'gone'; value: GoneValue }
  | { kind: 'moved'; value: MovedValue }

/** What the home page, the OPML and the "all" feeds know of an article. */
export interface ArticleSummary extends ArticleHeader {
  /** RFC 3339: the article's `updated`. */
  updated: string
  sectionCount: number
  /** The first photo of the article, for cards and link previews. */
  photo?: Photo
}

/** An article in the article list, at its fixed position `n`. */
export interface IndexEntry extends ArticleSummary {
  n: number
}

/** One item of the "all articles" feed: an item of an article (`articleItems`) with the article context it needs. */
export interface FeedEntry {
  article: Omit<ArticleSummary, 'sectionCount' | 'photo'>
  section: ItemSection
}

/** A feed item at position `n` of the "all" feed's log. */
export interface FeedLogItem extends FeedEntry {
  n: number
}

/** RFC 6721: an item that was withdrawn; Atom says so with `at:deleted-entry`, the other formats omit it. */
export interface FeedTombstone {
  n: number
  deleted: { slug: string; published: string; sectionId: string; when: string }
}

export type FeedLogEntry = FeedLogItem | FeedTombstone

/**
 * The "all" feed is a log numbered from the oldest: position n belongs to archive page floor(n / PAGE) + 1.
 * Complete pages are stored once as archives; the head keeps everything from the first position of the newest
 * complete page on, so it always has a full page of the newest items to show.
 */
export interface FeedHeadValue {
  version: string
  /** Newest `updated` of any item or tombstone, or null for an empty site. */
  updated: string | null
  /** Number of complete archive pages (1..archived exist). */
  archived: number
  /** The position the next item gets. */
  next: number
  /** Items per archive page of this log (heads written before it was recorded: UNSIZED_FEED_PAGE_SIZE). */
  size: number
  /** Oldest first. */
  items: FeedLogEntry[]
}

/** `v2:feed:archive:{page}`: a complete page of the "all" feed (RFC 5005 archive document), oldest first. */
export interface FeedArchiveValue {
  version: string
  page: number
  updated: string | null
  items: FeedLogEntry[]
}

/** `v2:index:head`: the newest articles, as the feed head keeps the newest items. */
export interface IndexHeadValue {
  version: string
  updated: string | null
  /** Number of complete pages of the article list. */
  pages: number
  next: number
  /** Oldest first. */
  articles: IndexEntry[]
  /** The first HOME_TOPICS topics of content/topics.md, for the home page (absent before topics existed). */
  topics?: TopicLink[]
}

/** A topic as the home page links it. */
export interface TopicLink {
  id: string
  name: string
}

/** Topics the home page lists (the topic list `/topics` has them all). */
export const HOME_TOPICS = 50

/** `v2:index:{page}`: a complete page of the article list, oldest first. */
export interface IndexPageValue {
  version: string
  page: number
  updated: string | null
  articles: IndexEntry[]
}

/**
 * Items per archive page of a new "all" feed, and items the head document shows: 20 sections of long Chinese
 * text with three photos each stay under 200 KB in every format. A log keeps the size it started with (its head
 * records it), since complete pages are immutable.
 */
export const FEED_PAGE_SIZE = 20
/** The page size of heads written before the head recorded it (the first `v2:` publishes). */
export const UNSIZED_FEED_PAGE_SIZE = 50
/** Articles per page of the article list (home page, OPML). */
export const INDEX_PAGE_SIZE = 50

/** `v2:topic:{id}:feed:head`, `v2:person:{id}:feed:head`: a subject's feed log, as the "all" feed's head. */
export interface SubjectFeedHeadValue extends FeedHeadValue {
  subject: SubjectInfo
}

/** A complete archive page of a subject's feed (its name as it was when the page was written). */
export interface SubjectFeedArchiveValue extends FeedArchiveValue {
  subject: SubjectInfo
}

/** A topic or person in the directory: what the lists show, and when its feed last changed. */
export interface DirectoryEntry extends SubjectInfo {
  /** Newest `updated` of the subject's feed, or null while nothing is published under it. */
  updated: string | null
}

/** `v2:topics:{N}`, `v2:people:{N}`: a page of the topic or people list, in the order of the content file. */
export interface DirectoryPageValue {
  version: string
  page: number
  /** How many pages the list has. */
  pages: number
  entries: DirectoryEntry[]
}

/**
 * Entries per directory page: a list page of 125 long names and descriptions, with their feed links and the embed
 * builder's options, stays far below 200 KB (250 such made 216 KB; 500 generated people made 292 KB in
 * bench:publish); the OPML's 125 subjects a page are one directory page.
 */
export const DIRECTORY_PAGE_SIZE = 125
