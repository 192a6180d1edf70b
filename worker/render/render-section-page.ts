/**
 * `/articles/{slug}/{section-id}`: one feed item as a page of its own (a section, the lede with the first one, or
 * the gallery), so every item has a link without a fragment. Its canonical URL is the article; its link-preview
 * tags are its own (title, summary, picture).
 */

import type { ItemSection } from '../../model/article-items.ts'
import { articlePageUrl, sectionPageUrl, siteHomeUrl } from '../../model/feed-urls.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { editionLinks } from './edition-links.ts'
import { summarize } from './feed-summary.ts'
import { escapeHtml } from './html-text.ts'
import { renderFigure } from './page-figure.ts'
import { labelsFor } from './page-labels.ts'
import { pageLayout } from './page-layout.ts'
import { previewTags } from './page-preview.ts'
import { rasterPhotos } from './raster-picture.ts'
import { articleHeadLinks, articleMeta, canonicalOf, feedLinks, paragraphs } from './render-article-page.ts'

/** The page of `item`, one of `articleItems(value.article)`. */
export function renderSectionPage(value: ArticleValue, item: ItemSection, site: SiteConfig): string {
  const { article } = value
  const { lang } = article
  const labels = labelsFor(lang)
  const page = articlePageUrl(site.baseUrl, article.slug)
  const body = `<main>
<article>
<header>
<p class="kicker"><a href="${escapeHtml(page)}">${escapeHtml(article.title)}</a></p>
<h1>${escapeHtml(item.heading)}</h1>
${articleMeta(article, site)}
</header>
<section id="${escapeHtml(item.id)}">
${paragraphs(item.paragraphs)}
${item.photos.map((p) => renderFigure(p, site, lang)).join('\n')}
</section>
<footer><p><a href="${escapeHtml(`${page}#${item.id}`)}">${escapeHtml(labels.wholeArticle)}</a></p>${feedLinks(article, site)}</footer>
</article>
</main>`
  const description = summarize(item.paragraphs[0] ?? item.photos[0]?.caption ?? article.dek ?? '')
  const allPhotos = [...item.photos, ...article.sections.flatMap((s) => s.photos), ...article.photos]
  const preview = previewTags(
    {
      article,
      title: item.heading,
      ...(description ? { description } : {}),
      url: sectionPageUrl(site.baseUrl, article.slug, item.id),
      canonical: canonicalOf(article, site),
      pictures: rasterPhotos(allPhotos, site.origin),
    },
    site,
  )
  return pageLayout({
    lang,
    title: `${item.heading} - ${article.title}`,
    ...(description ? { description } : {}),
    siteTitle: site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
    head: `${articleHeadLinks(article, site, item.id)}\n${preview}`,
    body,
    editions: editionLinks(site, sectionPageUrl(site.baseUrl, article.slug, item.id)),
  })
}
