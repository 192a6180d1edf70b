/** OPML 2.0 listing every feed: one folder per format, the "all" feed first, then each article's feed. */
import { articlePageUrl, FEED_FORMATS, feedUrl, siteHomeUrl } from '../../model/feed-urls.ts'
import type { IndexValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml as escapeXml } from './html-text.ts'

interface Listed {
  slug: string
  title: string
  lang: string
  htmlUrl: string
}

/**
 * OPML 2.0 (http://opml.org/spec2.opml): `type="rss"` is what readers import for any feed format. Grouped by
 * format, so a reader imports one folder rather than the same article three times.
 */
export function renderOpml(index: IndexValue | null, site: SiteConfig): string {
  const listed: Listed[] = [
    { slug: 'all', title: site.title, lang: site.language, htmlUrl: siteHomeUrl(site.baseUrl) },
    ...(index?.articles ?? []).map((a) => ({
      slug: a.slug,
      title: a.title,
      lang: a.lang,
      htmlUrl: articlePageUrl(site.baseUrl, a.slug),
    })),
  ]
  const folders = FEED_FORMATS.map((f) => {
    const items = listed.map(
      (l) =>
        `      <outline type="rss" text="${escapeXml(l.title)}" title="${escapeXml(l.title)}" xmlUrl="${escapeXml(feedUrl(site.baseUrl, l.slug, f.ext))}" htmlUrl="${escapeXml(l.htmlUrl)}" language="${escapeXml(l.lang)}"${f.ext === 'rss' ? ' version="RSS2"' : ''}/>`,
    )
    return `    <outline text="${escapeXml(`${site.title} (${f.label})`)}">\n${items.join('\n')}\n    </outline>`
  })
  const modified = index?.updated
    ? `\n    <dateModified>${new Date(index.updated).toUTCString()}</dateModified>`
    : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>${escapeXml(site.title)}</title>${modified}
    <docs>http://opml.org/spec2.opml</docs>
  </head>
  <body>
${folders.join('\n')}
  </body>
</opml>
`
}
