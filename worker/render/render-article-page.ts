/** The article as a semantic HTML5 page: sections with anchors, figures with credits, feeds and link previews. */

import type { Article, Section } from '../../model/article.ts'
import { GALLERY_ID } from '../../model/article-items.ts'
import {
  articlePageUrl,
  FEED_FORMATS,
  feedUrl,
  oembedUrl,
  siteHomeUrl,
  subjectPageUrl,
} from '../../model/feed-urls.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { correctionsHtml } from './correction-note.ts'
import { editionLinks } from './edition-links.ts'
import { escapeHtml } from './html-text.ts'
import { renderFigure } from './page-figure.ts'
import { creditsWith, displayDate, labelsFor } from './page-labels.ts'
import { alternateLink, pageLayout } from './page-layout.ts'
import { previewTags } from './page-preview.ts'
import { rasterPhotos } from './raster-picture.ts'

/** Paragraphs (plain text in the model) as escaped `<p>`s. */
export const paragraphs = (texts: readonly string[], cls = ''): string =>
  texts.map((t) => `<p${cls}>${escapeHtml(t)}</p>`).join('\n')

function renderSection(section: Section, site: SiteConfig, lang: string): string {
  const headingId = `${section.id}-heading`
  return `<section id="${escapeHtml(section.id)}" aria-labelledby="${escapeHtml(headingId)}">
<h2 id="${escapeHtml(headingId)}">${escapeHtml(section.heading)}</h2>
${paragraphs(section.paragraphs)}
${section.photos.map((p) => renderFigure(p, site, lang)).join('\n')}${correctionsHtml(section.corrections ?? [], lang)}
</section>`
}

/** Where the article is read: its canonical URL when it has one, else its page here. */
export const canonicalOf = (article: Article, site: SiteConfig): string =>
  article.canonical ?? articlePageUrl(site.baseUrl, article.slug)

/** Autodiscovery of the article's three feeds and the site's "all" feeds, the canonical and oEmbed links (of the section page when `sectionId` is given). */
export function articleHeadLinks(article: Article, site: SiteConfig, sectionId?: string): string {
  const own = FEED_FORMATS.map((f) =>
    alternateLink(f.type, `${article.title} (${f.label})`, feedUrl(site.baseUrl, article.slug, f.ext)),
  )
  const all = FEED_FORMATS.map((f) =>
    alternateLink(f.type, `${site.title} (${f.label})`, feedUrl(site.baseUrl, 'all', f.ext)),
  )
  return [
    `<link rel="canonical" href="${escapeHtml(canonicalOf(article, site))}">`,
    ...own,
    ...all,
    alternateLink('application/json+oembed', article.title, oembedUrl(site.baseUrl, article.slug, sectionId)),
  ].join('\n')
}

/**
 * The credits and the publication time, as both pages show them: each credited person linked to their page
 * (`rel="author"`: they wrote it), then the tags linked to their topics' pages (`rel="tag"`).
 */
export function articleMeta(article: Article, site: SiteConfig): string {
  const { lang } = article
  const byline = creditsWith(article, lang, (c) =>
    c.id
      ? `<a rel="author" href="${escapeHtml(subjectPageUrl(site.baseUrl, 'person', c.id))}">${escapeHtml(c.name)}</a>`
      : escapeHtml(c.name),
  )
  const tags = article.tags.map((tag, i) => {
    const id = article.topics?.[i]
    return id
      ? `<a rel="tag" href="${escapeHtml(subjectPageUrl(site.baseUrl, 'topic', id))}">${escapeHtml(tag)}</a>`
      : escapeHtml(tag)
  })
  const tagLine = tags.length === 0 ? '' : `\n<p class="tags">${tags.join(' · ')}</p>`
  return `<p class="meta"><span class="byline">${byline}</span> · <time datetime="${escapeHtml(article.published)}">${escapeHtml(displayDate(article.published, lang))}</time></p>${tagLine}`
}

/** Links to the article's three feeds. */
export function feedLinks(article: Article, site: SiteConfig): string {
  const feeds = FEED_FORMATS.map(
    (f) =>
      `<a href="${escapeHtml(feedUrl(site.baseUrl, article.slug, f.ext))}" type="${f.type}">${f.label}</a>`,
  ).join(' · ')
  return `<p class="feeds">${escapeHtml(labelsFor(article.lang).feeds)}: ${feeds}</p>`
}

/** The page for `/articles/{slug}`. */
export function renderArticlePage(value: ArticleValue, site: SiteConfig): string {
  const { article } = value
  const lang = article.lang
  const labels = labelsFor(lang)
  const canonical = canonicalOf(article, site)
  const dek = article.dek === undefined ? '' : `<p class="dek">${escapeHtml(article.dek)}</p>`
  // `#photos` is the gallery's anchor, as `#{section-id}` is each section's (old feed links point to them).
  const gallery =
    article.photos.length === 0
      ? ''
      : `<section id="${GALLERY_ID}" class="gallery" aria-label="${escapeHtml(labels.gallery)}">${article.photos.map((p) => renderFigure(p, site, lang)).join('\n')}</section>`
  const body = `<main>
<article>
<header>
<h1>${escapeHtml(article.title)}</h1>
${dek}
${articleMeta(article, site)}
</header>
${correctionsHtml(article.corrections ?? [], lang)}${paragraphs(article.lede, ' class="lede"')}
${article.sections.map((s) => renderSection(s, site, lang)).join('\n')}
${gallery}
<footer>${feedLinks(article, site)}</footer>
</article>
</main>`
  const photos = [...article.sections.flatMap((s) => s.photos), ...article.photos]
  const preview = previewTags(
    {
      article,
      title: article.title,
      ...(article.dek === undefined ? {} : { description: article.dek }),
      url: canonical,
      canonical,
      pictures: rasterPhotos(photos, site.origin),
    },
    site,
  )
  return pageLayout({
    lang,
    title: `${article.title} - ${site.title}`,
    ...(article.dek === undefined ? {} : { description: article.dek }),
    siteTitle: site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
    head: `${articleHeadLinks(article, site)}\n${preview}`,
    body,
    editions: editionLinks(site, articlePageUrl(site.baseUrl, article.slug)),
  })
}
