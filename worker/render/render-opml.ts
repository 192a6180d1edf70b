/**
 * OPML 2.0 subscription lists, one per feed format: the "all" feed first, then each article's feed. The head holds
 * only elements the W3C Feed Validation Service knows (its OPML head is OPML 1.0's: `docs`, optional in 2.0, and
 * `urlPublic`, not in the spec at all, are errors there).
 */
import { articlePageUrl, FEED_FORMATS, type FeedFormat, feedUrl, siteHomeUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'
import type { ArticleListPage } from './article-list-page.ts'
import { escapeHtml as escapeXml } from './html-text.ts'

interface Listed {
  slug: string
  title: string
  lang: string
  htmlUrl: string
}

/**
 * Each entry's `type` and `version`. OPML 2.0 (http://opml.org/spec2.opml) defines `type="rss"` with
 * `version="RSS"` for RSS 0.91–2.0; it names no Atom or JSON Feed, so those lists say what they hold rather
 * than claim RSS (readers import by `xmlUrl`: newsboat, rss2email, NetNewsWire, Miniflux all do).
 */
const ENTRY_TYPE: Readonly<Record<FeedFormat, string>> = {
  rss: 'type="rss" version="RSS"',
  atom: 'type="atom"',
  json: 'type="json"',
}

/** The subscription list of `format`: one entry per feed, so importing it subscribes to each feed once. */
/** Bounded: the "all" feed (which carries every article) and the newest articles' own feeds, never the whole site. */
export function renderOpml(index: ArticleListPage, site: SiteConfig, format: FeedFormat = 'rss'): string {
  const label = FEED_FORMATS.find((f) => f.ext === format)?.label ?? format
  const listed: Listed[] = [
    { slug: 'all', title: site.title, lang: site.language, htmlUrl: siteHomeUrl(site.baseUrl) },
    ...index.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      lang: a.lang,
      htmlUrl: articlePageUrl(site.baseUrl, a.slug),
    })),
  ]
  const entries = listed.map(
    (l) =>
      `    <outline ${ENTRY_TYPE[format]} text="${escapeXml(l.title)}" title="${escapeXml(l.title)}" xmlUrl="${escapeXml(feedUrl(site.baseUrl, l.slug, format))}" htmlUrl="${escapeXml(l.htmlUrl)}" language="${escapeXml(l.lang)}"/>`,
  )
  const modified = index?.updated
    ? `\n    <dateModified>${new Date(index.updated).toUTCString()}</dateModified>`
    : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>${escapeXml(`${site.title} (${label})`)}</title>${modified}
  </head>
  <body>
${entries.join('\n')}
  </body>
</opml>
`
}
