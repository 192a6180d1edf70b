/** oEmbed 1.0 `rich` response for an article: the widget embed snippet and its suggested size. */
import { embedSnippet } from '../../model/embed-snippet.ts'
import { siteHomeUrl } from '../../model/feed-urls.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'

/** The widget's natural size; a consumer's maxwidth/maxheight only ever shrink it. */
export const EMBED_WIDTH = 600
export const EMBED_HEIGHT = 480
/** Seconds a consumer may cache the answer; matches the feed profile's freshness order. */
export const OEMBED_CACHE_AGE = 3600

/** Size limits a consumer sent (`maxwidth`, `maxheight`), already parsed. */
export interface EmbedBounds {
  maxWidth?: number
  maxHeight?: number
}

/** The oEmbed JSON (https://oembed.com/ §2.3.4, type rich). */
export function renderOembed(value: ArticleValue, site: SiteConfig, bounds: EmbedBounds = {}): string {
  const { article } = value
  return JSON.stringify({
    version: '1.0',
    type: 'rich',
    title: article.title,
    author_name: article.byline.name,
    provider_name: site.title,
    provider_url: siteHomeUrl(site.baseUrl),
    cache_age: OEMBED_CACHE_AGE,
    html: embedSnippet(site.baseUrl, article.slug, article.title),
    width: Math.min(EMBED_WIDTH, bounds.maxWidth ?? EMBED_WIDTH),
    height: Math.min(EMBED_HEIGHT, bounds.maxHeight ?? EMBED_HEIGHT),
  })
}
