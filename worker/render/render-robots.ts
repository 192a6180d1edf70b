/** `/robots.txt` (RFC 9309): everything may be crawled (pages, feeds, media); the sitemap index is named absolutely. */
import { sitemapIndexUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'

export function renderRobots(site: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapIndexUrl(site.baseUrl)}\n`
}
