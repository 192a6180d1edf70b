/**
 * The Google News sitemap: a URL sitemap whose entries carry `news:news` (the publication's name and language,
 * the original publication time, the title). Pure: the caller chooses the articles (48 hours, at most 1,000).
 */
import { articlePageUrl } from '../../model/feed-urls.ts'
import { newsLanguage } from '../../model/news-language.ts'
import type { NewsArticle } from '../../model/sitemap-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { NEWS_NS, SITEMAP_NS, urlEntry, XML_DECLARATION } from './render-sitemap.ts'
import { xmlElement, xmlText } from './xml-text.ts'

export function renderNewsSitemap(articles: readonly NewsArticle[], site: SiteConfig): string {
  const urls = articles.map((a) => {
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
  })
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join('\n')}\n</urlset>\n`
}
