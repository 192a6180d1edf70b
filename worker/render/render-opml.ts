/**
 * OPML 2.0 subscription lists, one per feed format, grouped as outlines: the whole paper, Topics, People and the
 * newest Articles. Page N (from 2) holds only the topics and people past page N-1's. No page names the next with
 * an OPML 2.0 `include` outline: newsboat imports its `url` as one more feed, which then fails on every reload.
 * The head holds only elements the W3C Feed Validation Service knows (its OPML head is OPML 1.0's: `docs`,
 * optional in 2.0, and `urlPublic`, not in the spec at all, are errors there); group outlines carry `text` alone
 * (a `title` without `type` is a warning there).
 */
import {
  articlePageUrl,
  FEED_FORMATS,
  type FeedFormat,
  feedUrl,
  siteHomeUrl,
  subjectFeedName,
  subjectPageUrl,
} from '../../model/feed-urls.ts'
import type { DirectoryEntry } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import type { ArticleListPage } from './article-list-page.ts'
import { escapeHtml as escapeXml } from './html-text.ts'
import { labelsFor } from './page-labels.ts'

/** One page of the lists: what the route read, already cut to this page. */
export interface OpmlPage {
  /** From 1; page 1 also holds the whole paper and the newest articles. */
  page: number
  /** The newest articles (page 1 only). */
  index: ArticleListPage | null
  topics: readonly DirectoryEntry[]
  people: readonly DirectoryEntry[]
  /** The newest change of anything listed (`dateModified`), if any. */
  updated: string | null
}

interface Listed {
  name: string
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

function group(text: string, listed: readonly Listed[], site: SiteConfig, format: FeedFormat): string[] {
  if (listed.length === 0) return []
  const entries = listed.map(
    (l) =>
      `      <outline ${ENTRY_TYPE[format]} text="${escapeXml(l.title)}" title="${escapeXml(l.title)}" xmlUrl="${escapeXml(feedUrl(site.baseUrl, l.name, format))}" htmlUrl="${escapeXml(l.htmlUrl)}" language="${escapeXml(l.lang)}"/>`,
  )
  return [`    <outline text="${escapeXml(text)}">`, ...entries, '    </outline>']
}

const subjects = (entries: readonly DirectoryEntry[], site: SiteConfig): Listed[] =>
  entries.map((e) => ({
    name: subjectFeedName(e.kind, e.id),
    title: e.name,
    lang: site.language,
    htmlUrl: subjectPageUrl(site.baseUrl, e.kind, e.id),
  }))

/** The subscription list of `format` (one entry per feed, so importing it subscribes to each feed once). */
export function renderOpml(p: OpmlPage, site: SiteConfig, format: FeedFormat = 'rss'): string {
  const label = FEED_FORMATS.find((f) => f.ext === format)?.label ?? format
  const labels = labelsFor(site.language)
  const paper: Listed[] = p.index
    ? [{ name: 'all', title: site.title, lang: site.language, htmlUrl: siteHomeUrl(site.baseUrl) }]
    : []
  const articles: Listed[] = (p.index?.articles ?? []).map((a) => ({
    name: a.slug,
    title: a.title,
    lang: a.lang,
    htmlUrl: articlePageUrl(site.baseUrl, a.slug),
  }))
  const body = [
    ...group(labels.allFeeds, paper, site, format),
    ...group(labels.topics, subjects(p.topics, site), site, format),
    ...group(labels.people, subjects(p.people, site), site, format),
    ...group(labels.articlesOf, articles, site, format),
  ]
  const title = p.page === 1 ? `${site.title} (${label})` : `${site.title} (${label}, ${p.page})`
  const modified = p.updated ? `\n    <dateModified>${new Date(p.updated).toUTCString()}</dateModified>` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>${escapeXml(title)}</title>${modified}
  </head>
  <body>
${body.join('\n')}
  </body>
</opml>
`
}
