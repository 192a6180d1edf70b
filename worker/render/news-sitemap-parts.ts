/**
 * The news sitemap's articles split into files: each file at most NEWS_PART_URLS URLs (Google's limit) and
 * NEWS_PART_BYTES rendered bytes (the project's largest response), whatever the titles, slugs and site name.
 */
import { NEWS_PART_BYTES, NEWS_PART_URLS, type NewsArticle } from '../../model/sitemap-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { NEWS_SITEMAP_CLOSE, NEWS_SITEMAP_OPEN, newsUrlEntry } from './render-news-sitemap.ts'

const utf8 = new TextEncoder()
const bytesOf = (text: string): number => utf8.encode(text).byteLength

/**
 * The articles in order, cut into consecutive parts as full as the limits allow (at least one part, empty when
 * there are no articles), so each part's `renderNewsSitemap` stays within NEWS_PART_BYTES.
 */
export function newsSitemapParts(articles: readonly NewsArticle[], site: SiteConfig): NewsArticle[][] {
  const envelope = bytesOf(NEWS_SITEMAP_OPEN) + bytesOf(NEWS_SITEMAP_CLOSE)
  const parts: NewsArticle[][] = []
  let part: NewsArticle[] = []
  let bytes = envelope
  for (const a of articles) {
    const entry = bytesOf(newsUrlEntry(a, site))
    // Every entry after a part's first takes one newline more.
    const after = bytes + (part.length > 0 ? 1 : 0) + entry
    if (part.length > 0 && (part.length === NEWS_PART_URLS || after > NEWS_PART_BYTES)) {
      parts.push(part)
      part = []
      bytes = envelope + entry
    } else bytes = after
    part.push(a)
  }
  parts.push(part)
  return parts
}
