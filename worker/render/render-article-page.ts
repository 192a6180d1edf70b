/** The article as a semantic HTML5 page: sections with anchors, figures with credits, feeds and JSON-LD. */
import type { Section } from '../../model/article.ts'
import { articlePageUrl, FEED_FORMATS, feedUrl, oembedUrl, siteHomeUrl } from '../../model/feed-urls.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { correctionLead, correctionsHtml } from './correction-note.ts'
import { escapeHtml, jsonForScript } from './html-text.ts'
import { renderFigure } from './page-figure.ts'
import { credits, displayDate, labelsFor } from './page-labels.ts'
import { alternateLink, pageLayout } from './page-layout.ts'
import { photoUrl } from './page-urls.ts'

const paragraphs = (texts: readonly string[], cls = ''): string =>
  texts.map((t) => `<p${cls}>${escapeHtml(t)}</p>`).join('\n')

function renderSection(section: Section, site: SiteConfig, lang: string): string {
  const headingId = `${section.id}-heading`
  return `<section id="${escapeHtml(section.id)}" aria-labelledby="${escapeHtml(headingId)}">
<h2 id="${escapeHtml(headingId)}">${escapeHtml(section.heading)}</h2>
${paragraphs(section.paragraphs)}
${section.photos.map((p) => renderFigure(p, site, lang)).join('\n')}${correctionsHtml(section.corrections ?? [], lang)}
</section>`
}

/** Autodiscovery of this article's three feeds and the site's "all" feeds, canonical and oEmbed links. */
function headLinks(value: ArticleValue, site: SiteConfig, canonical: string): string {
  const { article } = value
  const own = FEED_FORMATS.map((f) =>
    alternateLink(f.type, `${article.title} (${f.label})`, feedUrl(site.baseUrl, article.slug, f.ext)),
  )
  const all = FEED_FORMATS.map((f) =>
    alternateLink(f.type, `${site.title} (${f.label})`, feedUrl(site.baseUrl, 'all', f.ext)),
  )
  return [
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    ...own,
    ...all,
    alternateLink('application/json+oembed', article.title, oembedUrl(site.baseUrl, article.slug)),
    `<script type="application/ld+json">${jsonForScript(jsonLd(value, site, canonical))}</script>`,
  ].join('\n')
}

/** One Person, or every credited person in printed order when the text has several. */
function schemaAuthors(article: ArticleValue['article']) {
  const people = [article.byline, ...(article.contributors ?? [])].map((c) => ({
    '@type': 'Person',
    name: c.name,
  }))
  return people.length === 1 ? people[0] : people
}

/** schema.org NewsArticle; serialised with `<` escaped by jsonForScript. */
function jsonLd({ article }: ArticleValue, site: SiteConfig, canonical: string) {
  const photos = [...article.sections.flatMap((s) => s.photos), ...article.photos]
  const notes = [...(article.corrections ?? []), ...article.sections.flatMap((s) => s.corrections ?? [])].map(
    (c) => ({
      '@type': 'CorrectionComment',
      text: `${correctionLead(c, article.lang)}${c.text}`,
      datePublished: c.date,
    }),
  )
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.dek === undefined ? {} : { description: article.dek }),
    inLanguage: article.lang,
    datePublished: article.published,
    dateModified: article.updated,
    author: schemaAuthors(article),
    publisher: { '@type': 'Organization', name: site.title, url: siteHomeUrl(site.baseUrl) },
    mainEntityOfPage: canonical,
    ...(photos.length === 0 ? {} : { image: photos.map((p) => photoUrl(site, p.src)) }),
    ...(article.tags.length === 0 ? {} : { keywords: article.tags.join(', ') }),
    ...(notes.length === 0 ? {} : { correction: notes }),
  }
}

/** The page for `/articles/{slug}`. */
export function renderArticlePage(value: ArticleValue, site: SiteConfig): string {
  const { article } = value
  const lang = article.lang
  const labels = labelsFor(lang)
  const canonical = article.canonical ?? articlePageUrl(site.baseUrl, article.slug)
  const dek = article.dek === undefined ? '' : `<p class="dek">${escapeHtml(article.dek)}</p>`
  const gallery =
    article.photos.length === 0
      ? ''
      : `<section class="gallery" aria-label="${escapeHtml(labels.gallery)}">${article.photos.map((p) => renderFigure(p, site, lang)).join('\n')}</section>`
  const feeds = FEED_FORMATS.map(
    (f) =>
      `<a href="${escapeHtml(feedUrl(site.baseUrl, article.slug, f.ext))}" type="${f.type}">${f.label}</a>`,
  ).join(' · ')
  const body = `<main>
<article>
<header>
<h1>${escapeHtml(article.title)}</h1>
${dek}
<p class="meta"><span class="byline">${escapeHtml(credits(article, lang))}</span> · <time datetime="${escapeHtml(article.published)}">${escapeHtml(displayDate(article.published, lang))}</time></p>
</header>
${correctionsHtml(article.corrections ?? [], lang)}${paragraphs(article.lede, ' class="lede"')}
${article.sections.map((s) => renderSection(s, site, lang)).join('\n')}
${gallery}
<footer><p class="feeds">${escapeHtml(labels.feeds)}: ${feeds}</p></footer>
</article>
</main>`
  return pageLayout({
    lang,
    title: `${article.title} - ${site.title}`,
    ...(article.dek === undefined ? {} : { description: article.dek }),
    siteTitle: site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
    head: headLinks(value, site, canonical),
    body,
  })
}
