/**
 * A URL sitemap (sitemaps.org 0.9) of article pages and their section pages, with Google's image extension on
 * each article page: every photo of the article once (`image:loc`, absolute). Pure: the visible articles come in.
 */
import { articlePageUrl, sectionPageUrl } from '../../model/feed-urls.ts'
import type { SitemapArticle } from '../../model/sitemap-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { photoUrl } from './page-urls.ts'
import { xmlElement, xmlText } from './xml-text.ts'

/** The sitemaps.org namespace and Google's image extension. */
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** The XML declaration every sitemap document starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** One `<url>`: where, when it last changed, and (optionally) extension elements, already escaped. */
export const urlEntry = (loc: string, lastmod: string | undefined, extra = ''): string =>
  xmlElement('url', {}, `${xmlText('loc', loc)}${lastmod ? xmlText('lastmod', lastmod) : ''}${extra}`)

/** A page and when it last changed (none when unknown). */
export interface SitemapUrl {
  loc: string
  lastmod?: string
}

/** A plain URL sitemap (the topic and people lists, their pages). */
export function renderUrlSitemap(urls: readonly SitemapUrl[]): string {
  const entries = urls.map((u) => urlEntry(u.loc, u.lastmod))
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</urlset>\n`
}

/** Each article's page (with its photos), then each of its section pages, in slot order. */
export function renderSitemap(articles: readonly SitemapArticle[], site: SiteConfig): string {
  const urls = articles.flatMap((a) => {
    const images = a.images
      .map((src) => xmlElement('image:image', {}, xmlText('image:loc', photoUrl(site, src))))
      .join('')
    return [
      urlEntry(articlePageUrl(site.baseUrl, a.slug), a.updated, images),
      ...a.sections.map((s) => urlEntry(sectionPageUrl(site.baseUrl, a.slug, s.id), s.updated)),
    ]
  })
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">\n${urls.join('\n')}\n</urlset>\n`
}
