/** The one input of every feed renderer: an article's or a page of "all"'s items, every URL already absolute. */
import type { Article } from '../../model/article.ts'
import { articleItems, type ItemSection } from '../../model/article-items.ts'
import type { BroadsheetArticle } from '../../model/broadsheet-extension.ts'
import { EDITIONS, type Edition } from '../../model/edition.ts'
import {
  canonicalArticleUrl,
  type FormatUrls,
  feedUrls,
  sectionPageUrl,
  siteHomeUrl,
  subjectFeedName,
  subjectPageUrl,
} from '../../model/feed-urls.ts'
import { newest } from '../../model/newest.ts'
import type { ArticleValue, FeedEntry, FeedLogEntry } from '../../model/store-values.ts'
import { IPTC_MEDIA_TOPIC_SCHEME, type SubjectInfo } from '../../model/subject.ts'
import { type SiteConfig, siteFingerprint } from '../site-config.ts'
import { correctionsHtml } from './correction-note.ts'
import { type FeedIcons, feedIcons } from './feed-icons.ts'
import { memoFeedItem } from './feed-item-memo.ts'
import { type FeedImage, type FeedPhoto, feedPhoto } from './feed-photo.ts'
import { summarize } from './feed-summary.ts'
import { creditedNames, subjectTitle } from './page-labels.ts'
import { siteLogo } from './raster-picture.ts'
import { sectionHtml } from './section-html.ts'

/** The naming authority of every tag: URI; fixed, so ids survive a change of host (RFC 4151). */
export const TAG_AUTHORITY = 'broadsheet'
/** Id of the "all articles" feed; the date part is the year the site began and never changes. */
export const ALL_FEED_ID = `tag:${TAG_AUTHORITY},2020:all`
/** `updated` of an empty site's "all" feed: a fixed instant, because renderers have no clock. */
export const EMPTY_SITE_UPDATED = '2020-01-01T00:00:00Z'

/** One feed item: a section with the article context readers and widgets need. */
export interface FeedItem {
  /** `tag:broadsheet,{published year}:{slug}/{section id}`: never the host or the title, so it never changes. */
  id: string
  sectionId: string
  title: string
  /** The item's own page, `/articles/{slug}/{section-id}`: no fragment, so no two items share a link. */
  url: string
  lang: string
  /** RFC 3339: the article's publication time, a second earlier per reading position (model/article-items.ts). */
  published: string
  /** RFC 3339: the section's last change, never before `published`. */
  updated: string
  author: string
  summary: string
  contentHtml: string
  tags: string[]
  photos: FeedPhoto[]
  /** For an item without photos, the site logo as its list-view picture (photos carry their own thumbnails). */
  logoThumbnail?: FeedImage
  article: BroadsheetArticle
}

/** RFC 5005 archived-feed navigation of "all": archive pages numbered from the oldest, the head is `current`. */
export interface FeedArchiveLinks {
  /** True on an archive document (`fh:archive`): its set of entries does not change. */
  isArchive: boolean
  current: FormatUrls
  prevArchive?: FormatUrls
  nextArchive?: FormatUrls
}

/** RFC 6721: an item that was withdrawn (Atom `at:deleted-entry`). */
export interface DeletedItem {
  id: string
  when: string
}

/** A feed-level category: a topic's name, or its IPTC Media Topic code with the scheme it belongs to. */
export interface FeedCategory {
  term: string
  scheme?: string
  label?: string
}

/** Everything a renderer needs; renderers only format it. */
export interface FeedDocument {
  id: string
  title: string
  description: string
  lang: string
  /** The HTML page this feed is the alternate of. */
  homeUrl: string
  /** This document in each format; a renderer takes its own format's URL as `self`. */
  self: FormatUrls
  hub?: string
  /** PNG renditions of the site icon (RSS allows no SVG; readers and unfurlers show raster best). */
  icons: FeedIcons
  /** RFC 3339: the newest item's `updated`. */
  updated: string
  /** Feed-level author (an article's byline, a person's name); absent for "all" and topics. */
  author?: string
  /** Feed-level categories (a topic's feed: its name, and its IPTC code with the scheme). */
  categories?: FeedCategory[]
  generator: { name: string; url: string }
  archive?: FeedArchiveLinks
  items: FeedItem[]
  /** Withdrawn items (only the "all" feed has them). */
  deleted?: DeletedItem[]
}

/** A page of the "all" feed as the route read it: the head (`archive` null) or archive page N. */
export interface AllFeedPage {
  version: string
  updated: string | null
  archive: number | null
  /** Head only: the number of complete archive pages. */
  archived: number
  /** Head only: how many of the newest entries it shows (the log's page size). */
  size: number
  /** Oldest first, as stored. */
  entries: readonly FeedLogEntry[]
}

type ArticleContext = FeedEntry['article']

function tagYear(published: string): string {
  return published.slice(0, 4)
}

/**
 * A tag: URI of this site in an edition: the Traditional edition's ids have `zh-tw/` after the date
 * (`tag:broadsheet,2020:zh-tw/all`), so a reader subscribed to both editions never merges their items.
 */
export const editionTag = (edition: Edition, year: string, specific: string): string =>
  `tag:${TAG_AUTHORITY},${year}:${edition.name === 'hant' ? 'zh-tw/' : ''}${specific}`

/** The item id of a section: never the host or the title, so it never changes (a renamed section keeps its first id). */
export const itemId = (
  article: { slug: string; published: string },
  sectionId: string,
  edition: Edition = EDITIONS.hans,
): string => editionTag(edition, tagYear(article.published), `${article.slug}/${sectionId}`)

function feedItem(article: ArticleContext, section: ItemSection, site: SiteConfig): FeedItem {
  const url = canonicalArticleUrl(site.baseUrl, article.slug, article.canonical)
  const photos = section.photos.map((p) => feedPhoto(p, site.origin, article.lang))
  // Article-wide corrections concern every section: each item carries them and moves with them.
  const notes = [...(article.corrections ?? []), ...(section.corrections ?? [])]
  return {
    id: itemId(article, section.was?.[0] ?? section.id, site.edition),
    sectionId: section.id,
    title: section.heading,
    url: sectionPageUrl(site.baseUrl, article.slug, section.id),
    lang: article.lang,
    published: section.published,
    updated: newest([section.published, section.updated, ...notes.map((n) => n.date)]) ?? section.updated,
    author: creditedNames(article, article.lang),
    // Never empty: RSS needs a description before content:encoded, and feeds must not carry blank elements.
    summary: summarize(section.paragraphs[0] || section.photos[0]?.caption || section.heading),
    contentHtml: sectionHtml(section.paragraphs, photos) + correctionsHtml(notes, article.lang),
    tags: [...article.tags],
    photos,
    ...(photos.length === 0 ? { logoThumbnail: siteLogo(site.origin, site.title) } : {}),
    article: { slug: article.slug, title: article.title, url },
  }
}

function common(site: SiteConfig) {
  return {
    icons: feedIcons(site.origin),
    generator: { name: 'Broadsheet', url: siteHomeUrl(site.baseUrl) },
    ...(site.hub ? { hub: site.hub } : {}),
  }
}

/** The feed of one article: its items (lede and sections, then the gallery), in reading order. */
export function articleFeed(value: ArticleValue, site: SiteConfig): FeedDocument {
  const article: Article = value.article
  const items = articleItems(article).map((s) => feedItem(article, s, site))
  return {
    ...common(site),
    id: editionTag(site.edition, tagYear(article.published), article.slug),
    title: article.title,
    description: article.dek?.trim() || site.description.trim() || article.title,
    lang: article.lang,
    homeUrl: canonicalArticleUrl(site.baseUrl, article.slug, article.canonical),
    self: feedUrls(site.baseUrl, article.slug),
    updated: newest(items.map((i) => i.updated)) ?? article.updated,
    author: creditedNames(article, article.lang),
    items,
  }
}

function archiveLinks(page: AllFeedPage, baseUrl: string, name: string): FeedArchiveLinks | undefined {
  const current = feedUrls(baseUrl, name)
  if (page.archive === null)
    return page.archived > 0
      ? { isArchive: false, current, prevArchive: feedUrls(baseUrl, name, page.archived) }
      : undefined
  return {
    isArchive: true,
    current,
    ...(page.archive > 1 ? { prevArchive: feedUrls(baseUrl, name, page.archive - 1) } : {}),
    // The next page may still be filling: its URL then redirects to the current document (routes/feed.ts).
    nextArchive: feedUrls(baseUrl, name, page.archive + 1),
  }
}

/** The head shows its newest `size` entries (a page's worth); an archive page all of its own. Newest first. */
function shown(page: AllFeedPage): FeedLogEntry[] {
  const list = page.archive === null ? page.entries.slice(-page.size) : page.entries
  return [...list].reverse()
}

/** What tells one archived log's feed from another's: "all", a topic's, a person's. */
interface LogFeedMeta {
  /** The feed name in its URLs (`all`, `topics/qijiang`). */
  name: string
  id: string
  title: string
  description: string
  homeUrl: string
  author?: string
  categories?: FeedCategory[]
}

/** The head or an archive page of an archived log of sections, newest first. */
function logFeed(page: AllFeedPage, site: SiteConfig, meta: LogFeedMeta): FeedDocument {
  const entries = shown(page)
  // The whole site configuration is the memo key: feedItem reads its base URL and title.
  const key = siteFingerprint(site)
  const items = entries.flatMap((e) =>
    'section' in e ? [memoFeedItem(e, key, () => feedItem(e.article, e.section, site))] : [],
  )
  const deleted = entries.flatMap((e) =>
    'deleted' in e
      ? [{ id: itemId(e.deleted, e.deleted.sectionId, site.edition), when: e.deleted.when }]
      : [],
  )
  const links = archiveLinks(page, site.baseUrl, meta.name)
  return {
    ...common(site),
    id: meta.id,
    title: meta.title,
    description: meta.description,
    lang: site.language,
    homeUrl: meta.homeUrl,
    self: feedUrls(site.baseUrl, meta.name, page.archive ?? undefined),
    updated:
      newest([...items.map((i) => i.updated), ...deleted.map((d) => d.when)]) ??
      page.updated ??
      EMPTY_SITE_UPDATED,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.categories ? { categories: meta.categories } : {}),
    ...(links ? { archive: links } : {}),
    items,
    ...(deleted.length > 0 ? { deleted } : {}),
  }
}

/** The head or an archive page of the feed of every article's sections, newest first. */
export function allFeed(page: AllFeedPage, site: SiteConfig): FeedDocument {
  return logFeed(page, site, {
    name: 'all',
    id: site.edition.name === 'hans' ? ALL_FEED_ID : editionTag(site.edition, '2020', 'all'),
    title: site.title,
    description: site.description.trim() || site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
  })
}

/** The head or an archive page of a topic's or person's feed: its items as in "all", newest first. */
export function subjectFeed(page: AllFeedPage, subject: SubjectInfo, site: SiteConfig): FeedDocument {
  const categories: FeedCategory[] =
    subject.kind === 'topic'
      ? [
          { term: subject.name },
          ...(subject.medtop
            ? [{ term: subject.medtop, scheme: IPTC_MEDIA_TOPIC_SCHEME, label: subject.name }]
            : []),
        ]
      : []
  return logFeed(page, site, {
    name: subjectFeedName(subject.kind, subject.id),
    // Ids never carry the display name or the host: renaming a topic or moving the site keeps subscriptions.
    id: editionTag(site.edition, '2020', subjectFeedName(subject.kind, subject.id)),
    title: subjectTitle(subject, site),
    description: subject.description?.trim() || subjectTitle(subject, site),
    homeUrl: subjectPageUrl(site.baseUrl, subject.kind, subject.id),
    ...(subject.kind === 'person' ? { author: subject.name } : {}),
    ...(categories.length > 0 ? { categories } : {}),
  })
}
