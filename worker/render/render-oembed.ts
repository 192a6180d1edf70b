/** oEmbed 1.0 `rich` response for an article or one of its items: the widget embed snippet, a thumbnail and the suggested size. */

import type { ItemSection } from '../../model/article-items.ts'
import { embedSnippet } from '../../model/embed-snippet.ts'
import { articlePageUrl, sectionPageUrl, siteHomeUrl } from '../../model/feed-urls.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'
import { type RasterPicture, rasterPhotos, siteLogo } from './raster-picture.ts'

/** The widget's natural size; a consumer's maxwidth/maxheight only ever shrink it. */
export const EMBED_WIDTH = 600
export const EMBED_HEIGHT = 480
/** Seconds a consumer may cache the answer; matches the feed profile's freshness order. */
export const OEMBED_CACHE_AGE = 3600
/** A card's thumbnail: wide enough for a 320 px card at 2x. */
const THUMBNAIL_WIDTH = 640

/** Size limits a consumer sent (`maxwidth`, `maxheight`), already parsed. */
export interface EmbedBounds {
  maxWidth?: number
  maxHeight?: number
}

/** What an embed shows: the article, or one of its items (a section, the gallery). */
interface EmbedTarget {
  url: string
  title: string
  /** A line under the title: the article's dek, or for an item the article's title. */
  dek?: string
}

function targetOf(value: ArticleValue, site: SiteConfig, item?: ItemSection): EmbedTarget {
  const { article } = value
  if (item)
    return {
      url: sectionPageUrl(site.baseUrl, article.slug, item.id),
      title: item.heading,
      dek: article.title,
    }
  return {
    url: articlePageUrl(site.baseUrl, article.slug),
    title: article.title,
    ...(article.dek === undefined ? {} : { dek: article.dek }),
  }
}

/**
 * A linked card inside the element: what consumers that strip scripts (most do) still show, and what the page
 * shows until the widget upgrades. The image is lazy, so an upgraded widget (which does not render it) never
 * loads it.
 */
function card(target: EmbedTarget, site: SiteConfig, thumbnail: RasterPicture): string {
  const url = escapeHtml(target.url)
  const dek = target.dek === undefined ? '' : `<p>${escapeHtml(target.dek)}</p>`
  return (
    `<blockquote cite="${url}"><p><a href="${url}"><img src="${escapeHtml(thumbnail.url)}" width="${thumbnail.width}" height="${thumbnail.height}" alt="${escapeHtml(thumbnail.alt)}" loading="lazy"></a></p>` +
    `<p><a href="${url}"><strong>${escapeHtml(target.title)}</strong></a></p>${dek}` +
    `<p>— <a href="${escapeHtml(siteHomeUrl(site.baseUrl))}">${escapeHtml(site.title)}</a></p></blockquote>`
  )
}

/**
 * The oEmbed JSON (https://oembed.com/ §2.3.4, type rich, with the optional thumbnail) for the article, or for
 * one of its items (`item`: the widget then shows that item only, and the thumbnail is its photo when it has one).
 */
export function renderOembed(
  value: ArticleValue,
  site: SiteConfig,
  bounds: EmbedBounds = {},
  item?: ItemSection,
): string {
  const { article } = value
  const target = targetOf(value, site, item)
  const photos = [...(item?.photos ?? []), ...article.sections.flatMap((s) => s.photos), ...article.photos]
  const thumbnail =
    rasterPhotos(photos, site.baseUrl, Math.min(THUMBNAIL_WIDTH, bounds.maxWidth ?? THUMBNAIL_WIDTH))[0] ??
    siteLogo(site.baseUrl, site.title)
  return JSON.stringify({
    version: '1.0',
    type: 'rich',
    title: target.title,
    author_name: article.byline.name,
    provider_name: site.title,
    provider_url: siteHomeUrl(site.baseUrl),
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: thumbnail.url,
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    html: embedSnippet(site.baseUrl, article.slug, article.title, {
      ...(item ? { section: item.id } : {}),
      fallback: card(target, site, thumbnail),
    }),
    width: Math.min(EMBED_WIDTH, bounds.maxWidth ?? EMBED_WIDTH),
    height: Math.min(EMBED_HEIGHT, bounds.maxHeight ?? EMBED_HEIGHT),
  })
}
