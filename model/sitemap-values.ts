/**
 * The sitemap values publish writes (docs/operators.md "KV layout"): what `/sitemap.xml`, `/sitemaps/articles-{N}.xml`
 * and the news sitemaps (`/sitemaps/news.xml`, `/sitemaps/news-{N}.xml`) need, one KV read each. Part N holds the
 * articles of the article list's page N (the same fixed slots), so a change to one article rewrites one part and
 * the index.
 */
import { INDEX_PAGE_SIZE } from './store-values.ts'

/** One page of an article besides the article page: a section, or the gallery (`photos`). */
export interface SitemapSection {
  id: string
  /** RFC 3339: when that page last changed (the section's `updated`, never before the article's publication). */
  updated: string
}

/** An article as the sitemaps list it, at its fixed slot `n` of the article list. */
export interface SitemapArticle {
  n: number
  slug: string
  /** RFC 3339: embargoed until then (filtered per request, by the request's clock). */
  published: string
  /** RFC 3339: the article's `updated`, the article page's `<lastmod>`. */
  updated: string
  sections: SitemapSection[]
  /** Every photo's `src` (a site path `/media/…` or an absolute https URL), each once. */
  images: string[]
}

/** `v2:sitemap:{N}`: the articles of slots SITEMAP_PART_SIZE·(N−1) … SITEMAP_PART_SIZE·N−1, by slot. */
export interface SitemapPartValue {
  version: string
  page: number
  articles: SitemapArticle[]
}

/** What the sitemap index knows of one part: enough to list it, with its `<lastmod>`, at any request time. */
export interface SitemapPartSummary {
  page: number
  /** The piece of the part (sitemap-pieces.ts), from 1: `articles-{page}.xml`, then `articles-{page}-{piece}.xml`. */
  piece: number
  /** Articles in the piece, embargoed ones included. */
  count: number
  /** Newest `updated` of its articles that were not embargoed when publish wrote it (null: none). */
  updated: string | null
  /** The articles still embargoed then: each counts, and moves `<lastmod>`, once its time has come. */
  scheduled: { slug: string; published: string; updated: string }[]
}

/** An article of the Google News sitemap: published in the last 48 hours (filtered per request). */
export interface NewsArticle {
  slug: string
  title: string
  /** BCP 47, as the article declares it; mapped to Google's codes when rendered. */
  lang: string
  /** RFC 3339: the original publication time (`news:publication_date`). */
  published: string
}

/** `v2:sitemap:index`: every piece of every part that has articles, and the recent articles for the news sitemap. */
export interface SitemapIndexValue {
  version: string
  parts: SitemapPartSummary[]
  /** Articles first published within NEWS_WINDOW_MS of the last publish that wrote this, or later; newest first. */
  news: NewsArticle[]
}

/** Articles per sitemap part: the article list's page size, so a part is page N of the same slots. */
export const SITEMAP_PART_SIZE = INDEX_PAGE_SIZE
/** Google News lists articles published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
/** Google News: at most 1,000 URLs per news sitemap file. */
export const NEWS_PART_URLS = 1000
/**
 * Bytes a news sitemap file may take: the project's largest response (200 KB). 1,000 URLs of long titles take
 * ~1.4 MB, so the window's articles are split into as many files as their rendered bytes need.
 */
export const NEWS_PART_BYTES = 200_000
