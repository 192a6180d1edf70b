/** Link-preview metadata of article and section pages: Open Graph, a Twitter card and a JSON-LD NewsArticle. */
import type { Article } from '../../model/article.ts'
import { siteHomeUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'
import { correctionLead } from './correction-note.ts'
import { htmlLang } from './html-lang.ts'
import { escapeHtml, jsonForScript } from './html-text.ts'
import { type RasterPicture, siteLogo } from './raster-picture.ts'

/** What a page says about itself to unfurlers; the article supplies dates, author and tags. */
export interface PagePreview {
  article: Article
  /** The page's own title (the article's or the section's), without the site name. */
  title: string
  description?: string
  /** The page's own URL (`og:url`); `canonical` is the article's. */
  url: string
  canonical: string
  /** Raster pictures, the best first; never empty (the site logo stands in). */
  pictures: readonly RasterPicture[]
}

const meta = (attr: 'property' | 'name', key: string, value: string | number): string =>
  `<meta ${attr}="${key}" content="${escapeHtml(String(value))}">`

/** `og:locale` wants `zh_CN`, not `zh-CN`. */
const ogLocale = (lang: string): string => lang.replace('-', '_')

function openGraph(p: PagePreview, site: SiteConfig, picture: RasterPicture): string[] {
  const { article } = p
  return [
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', site.title),
    meta('property', 'og:title', p.title),
    ...(p.description ? [meta('property', 'og:description', p.description)] : []),
    meta('property', 'og:url', p.url),
    meta('property', 'og:locale', ogLocale(article.lang)),
    meta('property', 'og:image', picture.url),
    meta('property', 'og:image:type', picture.type),
    meta('property', 'og:image:width', picture.width),
    meta('property', 'og:image:height', picture.height),
    meta('property', 'og:image:alt', picture.alt),
    meta('property', 'article:published_time', article.published),
    meta('property', 'article:modified_time', article.updated),
    ...[article.byline, ...(article.contributors ?? [])].map((c) =>
      meta('property', 'article:author', c.name),
    ),
    ...article.tags.map((t) => meta('property', 'article:tag', t)),
  ]
}

function twitterCard(p: PagePreview, picture: RasterPicture): string[] {
  return [
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', p.title),
    ...(p.description ? [meta('name', 'twitter:description', p.description)] : []),
    meta('name', 'twitter:image', picture.url),
    meta('name', 'twitter:image:alt', picture.alt),
  ]
}

const imageObject = (p: RasterPicture) => ({
  '@type': 'ImageObject',
  url: p.url,
  width: p.width,
  height: p.height,
  ...(p.alt ? { caption: p.alt } : {}),
})

/** One Person, or every credited person in printed order when the text has several. */
function schemaAuthors(article: Article) {
  const people = [article.byline, ...(article.contributors ?? [])].map((c) => ({
    '@type': 'Person',
    name: c.name,
  }))
  return people.length === 1 ? people[0] : people
}

/** Every correction of the article and its sections, as schema.org CorrectionComments. */
function schemaCorrections(article: Article) {
  return [...(article.corrections ?? []), ...article.sections.flatMap((s) => s.corrections ?? [])].map(
    (c) => ({
      '@type': 'CorrectionComment',
      text: `${correctionLead(c, article.lang)}${c.text}`,
      datePublished: c.date,
    }),
  )
}

/** schema.org NewsArticle with raster images and a raster publisher logo (what search engines require). */
function jsonLd(p: PagePreview, site: SiteConfig) {
  const { article } = p
  const notes = schemaCorrections(article)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.dek === undefined ? {} : { description: article.dek }),
    inLanguage: htmlLang(article.lang),
    datePublished: article.published,
    dateModified: article.updated,
    author: schemaAuthors(article),
    publisher: {
      '@type': 'Organization',
      name: site.title,
      url: siteHomeUrl(site.baseUrl),
      logo: imageObject(siteLogo(site.origin, site.title)),
    },
    mainEntityOfPage: p.canonical,
    url: p.url,
    image: p.pictures.map(imageObject),
    ...(article.tags.length === 0 ? {} : { keywords: article.tags.join(', ') }),
    ...(notes.length === 0 ? {} : { correction: notes }),
  }
}

/** The `<head>` markup: meta tags, then the JSON-LD script (`<` escaped by jsonForScript). */
export function previewTags(p: PagePreview, site: SiteConfig): string {
  const picture = p.pictures[0] ?? siteLogo(site.origin, site.title)
  return [
    // Search engines may show the photos large (Google Discover and image results need this to).
    meta('name', 'robots', 'max-image-preview:large'),
    ...openGraph(p, site, picture),
    ...twitterCard(p, picture),
    `<script type="application/ld+json">${jsonForScript(jsonLd(p, site))}</script>`,
  ].join('\n')
}
