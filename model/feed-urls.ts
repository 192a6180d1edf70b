/**
 * The URL and format contract: every URL the service publishes (feeds, pages, oEmbed, the widget script), always
 * absolute from the site's base URL, and the three feed formats. The Worker, the widget and the editor's WebSub
 * ping all build URLs here, so a path is written once.
 */

import { SUBJECT_PATHS, type SubjectKind } from './subject.ts'

/** JSON Feed's media type on its own: the widget's `Accept` needs only it (and so bundles nothing else from here). */
export const JSON_FEED_MEDIA_TYPE = 'application/feed+json'

/** The three feed formats in the order pages and OPML list them: the extension in the URL, media type, display name. */
export const FEED_FORMATS = [
  { ext: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { ext: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { ext: 'json', type: JSON_FEED_MEDIA_TYPE, label: 'JSON Feed' },
] as const

/** A feed format, named by its file extension in the URL. */
export type FeedFormat = (typeof FEED_FORMATS)[number]['ext']

/** Each format's media type (without parameters), for Content-Type and self links. */
export const FEED_MEDIA_TYPES = /* @__PURE__ */ (() =>
  Object.fromEntries(FEED_FORMATS.map((f) => [f.ext, f.type])))() as {
  readonly [F in (typeof FEED_FORMATS)[number] as F['ext']]: F['type']
}

/** One URL per format: a document links itself and its siblings in the format it is written in. */
export type FormatUrls = Readonly<Record<FeedFormat, string>>

/**
 * `/feeds/{name}.{ext}` (the subscription URL; `name` is a slug or `all`), or with `archive` the "all" feed's
 * archive page N (`?archive=N`, 1 = the oldest).
 */
export function feedUrl(baseUrl: string, name: string, format: FeedFormat, archive?: number): string {
  return `${baseUrl}/feeds/${name}.${format}${archive === undefined ? '' : `?archive=${archive}`}`
}

/** The same feed in every format. */
export function feedUrls(baseUrl: string, name: string, archive?: number): FormatUrls {
  return {
    rss: feedUrl(baseUrl, name, 'rss', archive),
    atom: feedUrl(baseUrl, name, 'atom', archive),
    json: feedUrl(baseUrl, name, 'json', archive),
  }
}

/** An article's page on this site (pages link themselves, never a canonical URL elsewhere). */
export function articlePageUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/articles/${slug}`
}

/**
 * A feed item's own page: one section (or the gallery) of an article, `/articles/{slug}/{section-id}`. Items link
 * here rather than to `#section` anchors, which some readers drop (every item would then share one link).
 */
export function sectionPageUrl(baseUrl: string, slug: string, sectionId: string): string {
  return `${articlePageUrl(baseUrl, slug)}/${sectionId}`
}

/** Where feeds send a reader: the article's canonical URL (without fragment) when it has one, else its page here. */
export function canonicalArticleUrl(baseUrl: string, slug: string, canonical?: string): string {
  return canonical ? canonical.replace(/#.*$/, '') : articlePageUrl(baseUrl, slug)
}

/** The oEmbed endpoint's URL for an article's page, or for one of its section pages. */
export function oembedUrl(baseUrl: string, slug: string, sectionId?: string): string {
  const page =
    sectionId === undefined ? articlePageUrl(baseUrl, slug) : sectionPageUrl(baseUrl, slug, sectionId)
  return oembedUrlOf(baseUrl, page)
}

/** The oEmbed endpoint's URL for any page of this site (a topic's, a person's). */
export function oembedUrlOf(baseUrl: string, page: string): string {
  return `${baseUrl}/oembed?url=${encodeURIComponent(page)}&format=json`
}

/** The feed name of a topic or person: `/feeds/topics/{id}.rss`, `/feeds/people/{id}.json`. */
export function subjectFeedName(kind: SubjectKind, id: string): string {
  return `${SUBJECT_PATHS[kind]}/${id}`
}

/** A topic's or person's page: `/topics/{id}`, `/people/{id}`. */
export function subjectPageUrl(baseUrl: string, kind: SubjectKind, id: string): string {
  return `${baseUrl}/${SUBJECT_PATHS[kind]}/${id}`
}

/** The topic list or the people list (`/topics`, `/people`), or its page N (`?page=N`, from 1). */
export function directoryUrl(baseUrl: string, kind: SubjectKind, page?: number): string {
  return `${baseUrl}/${SUBJECT_PATHS[kind]}${page === undefined || page === 1 ? '' : `?page=${page}`}`
}

/**
 * The page a feed belongs to, by its name: the home page for `all`, a topic's or person's page for
 * `topics/{id}` and `people/{id}`, else the article's page.
 */
export function pageOfFeed(baseUrl: string, name: string): string {
  if (name === 'all') return siteHomeUrl(baseUrl)
  const [kind, id] = name.split('/')
  const subject = (Object.keys(SUBJECT_PATHS) as SubjectKind[]).find((k) => SUBJECT_PATHS[k] === kind)
  return subject !== undefined && id !== undefined
    ? subjectPageUrl(baseUrl, subject, id)
    : articlePageUrl(baseUrl, name)
}

/** The site's home page. */
export function siteHomeUrl(baseUrl: string): string {
  return `${baseUrl}/`
}

/**
 * The OPML subscription list of one format: `/feeds.opml` is RSS (what every reader imports), the others are
 * `/feeds.atom.opml` and `/feeds.json.opml`. One list per format, so an import subscribes once per feed.
 */
export function opmlUrl(baseUrl: string, format: FeedFormat = 'rss'): string {
  return format === 'rss' ? `${baseUrl}/feeds.opml` : `${baseUrl}/feeds.${format}.opml`
}

/** Where publish stores an image and the Worker serves it: the site path `/media/{name}` (name `<hash>.<ext>`). */
export function mediaPath(name: string): string {
  return `/media/${name}`
}

const MEDIA_PREFIX = mediaPath('')

/** The media name in a photo source that is one of our site paths (`/media/{name}`), else null. */
export function mediaNameOf(src: string): string | null {
  return src.startsWith(MEDIA_PREFIX) ? src.slice(MEDIA_PREFIX.length) : null
}

/** The widget's unversioned script, the one partners embed. */
export function widgetScriptUrl(baseUrl: string): string {
  return `${baseUrl}/widget.js`
}

/** The home page's embed builder script. */
export function embedBuilderScriptUrl(baseUrl: string): string {
  return `${baseUrl}/embed-builder.js`
}

/** `/robots.txt`: crawl rules and the `Sitemap:` line. */
export function robotsUrl(baseUrl: string): string {
  return `${baseUrl}/robots.txt`
}

/** The sitemap index (sitemaps.org `sitemapindex`), named by robots.txt. */
export function sitemapIndexUrl(baseUrl: string): string {
  return `${baseUrl}/sitemap.xml`
}

/** Sitemap part N: the pages of the articles on the article list's page N (1 = the oldest). */
export function articleSitemapUrl(baseUrl: string, page: number, piece = 1): string {
  return `${baseUrl}/sitemaps/articles-${page}${piece === 1 ? '' : `-${piece}`}.xml`
}

/**
 * Part N of the Google News sitemap (articles first published in the last 48 hours, newest first): part 1 is
 * `news.xml`, the URL a search console is given; the parts after it are `news-2.xml`, `news-3.xml`…
 */
export function newsSitemapUrl(baseUrl: string, part = 1): string {
  return `${baseUrl}/sitemaps/${part === 1 ? 'news' : `news-${part}`}.xml`
}

/** The IndexNow key file (`/{key}.txt`), which proves the key belongs to this host. */
export function indexNowKeyUrl(baseUrl: string, key: string): string {
  return `${baseUrl}/${key}.txt`
}

/** The sitemap of the topic or people list's page N: the list page and each subject's page on it. */
export function subjectSitemapUrl(baseUrl: string, kind: SubjectKind, page: number): string {
  return `${baseUrl}/sitemaps/${SUBJECT_PATHS[kind]}-${page}.xml`
}
