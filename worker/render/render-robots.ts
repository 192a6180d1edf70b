/**
 * `/robots.txt` (RFC 9309): everything may be crawled (pages, feeds, media); the sitemap indexes of both editions
 * are named absolutely.
 */
import { HANT_PATH } from '../../model/edition.ts'
import { sitemapIndexUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'

export function renderRobots(site: SiteConfig): string {
  const hant = sitemapIndexUrl(`${site.origin}${HANT_PATH}`)
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapIndexUrl(site.origin)}\nSitemap: ${hant}\n`
}
