/** Absolute URLs of the site's pages, feeds and media, from the configured base URL (the URL contract). */

import { articlePageUrl, feedUrls } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'
import { absoluteUrl } from './feed-photo.ts'

/** The three feed formats and their file extensions. */
export const FEED_FORMATS = [
  { ext: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { ext: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { ext: 'json', type: 'application/feed+json', label: 'JSON Feed' },
] as const

export type FeedExt = (typeof FEED_FORMATS)[number]['ext']

/** The article's page on this site (pages link themselves, not a canonical URL elsewhere). */
export const articleUrl = (site: SiteConfig, slug: string): string => articlePageUrl(site.baseUrl, slug)

/** `slug` is an article slug or `all`; the first page, as the feeds link it. */
export const feedUrl = (site: SiteConfig, slug: string, ext: FeedExt): string =>
  feedUrls(site.baseUrl, slug)[ext]

export const oembedUrl = (site: SiteConfig, slug: string): string =>
  `${site.baseUrl}/oembed?url=${encodeURIComponent(articleUrl(site, slug))}&format=json`

/** Photo sources are site paths (`/media/...`) or absolute https URLs: resolved as the feeds resolve them. */
export const photoUrl = (site: SiteConfig, src: string): string => absoluteUrl(src, site.baseUrl)
