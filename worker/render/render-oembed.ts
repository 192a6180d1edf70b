/**
 * oEmbed 1.0 `rich` responses (https://oembed.com/ §2.3.4): the fields every embed shares, the linked card inside
 * the widget element, and the two serializations the spec defines, JSON and XML.
 */
import { siteHomeUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'
import type { RasterPicture } from './raster-picture.ts'
import { xmlText } from './xml-text.ts'

/** The widget's natural size; a consumer's maxwidth/maxheight only ever shrink it. */
export const EMBED_WIDTH = 600
export const EMBED_HEIGHT = 480
/** Seconds a consumer may cache the answer; matches the feed profile's freshness order. */
export const OEMBED_CACHE_AGE = 3600
/** A card's thumbnail: wide enough for a 320 px card at 2x. */
export const THUMBNAIL_WIDTH = 640

/** Size limits a consumer sent (`maxwidth`, `maxheight`), already parsed. */
export interface EmbedBounds {
  maxWidth?: number
  maxHeight?: number
}

/** What an embed shows: an article, one of its items, a topic or a person. */
export interface EmbedTarget {
  url: string
  title: string
  /** A line under the title: the article's dek, an item's article title, a subject's description. */
  dek?: string
}

/** An answer's fields, in the order the spec lists them; `html` is the widget snippet. */
export interface OembedAnswer {
  title: string
  author_name?: string
  thumbnail: RasterPicture
  html: string
}

/** The thumbnail's width for the consumer's bounds. */
export const thumbnailWidth = (bounds: EmbedBounds): number =>
  Math.min(THUMBNAIL_WIDTH, bounds.maxWidth ?? THUMBNAIL_WIDTH)

/**
 * A linked card inside the element: what consumers that strip scripts (most do) still show, and what the page
 * shows until the widget upgrades. The image is lazy, so an upgraded widget (which does not render it) never
 * loads it.
 */
export function embedCard(target: EmbedTarget, site: SiteConfig, thumbnail: RasterPicture): string {
  const url = escapeHtml(target.url)
  const dek = target.dek === undefined ? '' : `<p>${escapeHtml(target.dek)}</p>`
  return (
    `<blockquote cite="${url}"><p><a href="${url}"><img src="${escapeHtml(thumbnail.url)}" width="${thumbnail.width}" height="${thumbnail.height}" alt="${escapeHtml(thumbnail.alt)}" loading="lazy"></a></p>` +
    `<p><a href="${url}"><strong>${escapeHtml(target.title)}</strong></a></p>${dek}` +
    `<p>— <a href="${escapeHtml(siteHomeUrl(site.baseUrl))}">${escapeHtml(site.title)}</a></p></blockquote>`
  )
}

/** Every field of the response, in the spec's order. */
function fields(a: OembedAnswer, site: SiteConfig, bounds: EmbedBounds): [string, string | number][] {
  return [
    ['version', '1.0'],
    ['type', 'rich'],
    ['title', a.title],
    ...(a.author_name === undefined ? [] : [['author_name', a.author_name] as [string, string]]),
    ['provider_name', site.title],
    ['provider_url', siteHomeUrl(site.baseUrl)],
    ['cache_age', OEMBED_CACHE_AGE],
    ['thumbnail_url', a.thumbnail.url],
    ['thumbnail_width', a.thumbnail.width],
    ['thumbnail_height', a.thumbnail.height],
    ['html', a.html],
    ['width', Math.min(EMBED_WIDTH, bounds.maxWidth ?? EMBED_WIDTH)],
    ['height', Math.min(EMBED_HEIGHT, bounds.maxHeight ?? EMBED_HEIGHT)],
  ]
}

/** The JSON response (`format=json`, the default). */
export function renderOembedJson(a: OembedAnswer, site: SiteConfig, bounds: EmbedBounds = {}): string {
  return JSON.stringify(Object.fromEntries(fields(a, site, bounds)))
}

/** The XML response (`format=xml`): an `<oembed>` element with one child per field, `html` escaped as text. */
export function renderOembedXml(a: OembedAnswer, site: SiteConfig, bounds: EmbedBounds = {}): string {
  const children = fields(a, site, bounds).map(([k, v]) => `  ${xmlText(k, String(v))}`)
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>\n${children.join('\n')}\n</oembed>\n`
}
