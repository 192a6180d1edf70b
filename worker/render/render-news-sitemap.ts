/**
 * The Google News sitemap: a URL sitemap whose entries carry `news:news` (the publication's name and language,
 * the original publication time, the title). Pure: the caller chooses the articles (one part of the 48 hours).
 */
import { articlePageUrl } from '../../model/feed-urls.ts'
import { newsLanguage } from '../../model/news-language.ts'
import type { NewsArticle } from '../../model/sitemap-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { NEWS_NS, SITEMAP_NS, urlEntry, XML_DECLARATION } from './render-sitemap.ts'
import { xmlElement, xmlText } from './xml-text.ts'

/** What a news sitemap holds around its entries: the entries are joined by one newline between them. */
export const NEWS_SITEMAP_OPEN = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n`
export const NEWS_SITEMAP_CLOSE = '\n</urlset>\n'

/** One article's `<url>` with its `news:news`. */
export function newsUrlEntry(a: NewsArticle, site: SiteConfig): string {
  const publication = xmlElement(
    'news:publication',
    {},
    `${xmlText('news:name', site.title)}${xmlText('news:language', newsLanguage(a.lang))}`,
  )
  const news = xmlElement(
    'news:news',
    {},
    `${publication}${xmlText('news:publication_date', a.published)}${xmlText('news:title', a.title)}`,
  )
  return urlEntry(articlePageUrl(site.baseUrl, a.slug), undefined, news)
}

export function renderNewsSitemap(articles: readonly NewsArticle[], site: SiteConfig): string {
  return `${NEWS_SITEMAP_OPEN}${articles.map((a) => newsUrlEntry(a, site)).join('\n')}${NEWS_SITEMAP_CLOSE}`
}
