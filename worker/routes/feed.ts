/** The feed routes: one article's feed and the "all articles" pages, in RSS, Atom and JSON Feed. */
import { FEED_MEDIA_TYPES, type FeedFormat } from '../../model/feed-urls.ts'
import { FEED_PAGE_SIZE, type FeedArchiveValue, type FeedHeadValue } from '../../model/store-values.ts'
import type { SubjectKind } from '../../model/subject.ts'
import { Redirect } from '../http/redirect.ts'
import type { DeferredRepresentation } from '../http/representation.ts'
import type { RouteContext, RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import {
  type AllFeedPage,
  allFeed,
  articleFeed,
  type FeedDocument,
  subjectFeed,
} from '../render/feed-document.ts'
import { renderAtom } from '../render/render-atom.ts'
import { renderJsonFeed } from '../render/render-json-feed.ts'
import { renderRss } from '../render/render-rss.ts'
import { readFeedArchive, readFeedHead, readSubjectFeedArchive, readSubjectFeedHead } from '../store.ts'
import { liveArticle } from './live-article.ts'
import { archiveParam, slugParam } from './route-params.ts'
import { visibleAllPage, visibleArticle } from './visible.ts'

/** Each format's renderer. */
const RENDERERS: Readonly<Record<FeedFormat, (document: FeedDocument) => string>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
}

function feedReply(
  format: FeedFormat,
  version: string,
  lastModified: string | null,
  document: () => FeedDocument,
): DeferredRepresentation {
  const render = RENDERERS[format]
  return {
    contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
    version,
    ...(lastModified === null ? {} : { lastModified }),
    cache: 'feed',
    render: () => render(document()),
  }
}

/** `/feeds/{slug}.{format}`: one article's sections as items (KV `v2:article:{slug}`); 301/410 as its page. */
export const articleFeedRoute =
  (format: FeedFormat): RouteHandler =>
  async ({ params, env, site, url, now }: RouteContext) => {
    const value = await liveArticle(env.CONTENT, slugParam(params), url, site.origin)
    if (value instanceof Redirect) return value
    visibleArticle(value, now)
    return feedReply(format, value.version, value.article.updated, () => articleFeed(value, site))
  }

/** The version of the "all" feed before anything was published: a constant, so its ETag is stable. */
const EMPTY_VERSION = 'empty'

/** A feed log's subscription document ("all", a topic's, a person's) as the page its renderers take. */
const headPage = (v: FeedHeadValue): AllFeedPage => ({
  version: v.version,
  updated: v.updated,
  archive: null,
  archived: v.archived,
  size: v.size,
  entries: v.items,
})

/** Complete archive page `archive` of a feed log. */
const archivePage = (v: FeedArchiveValue, archive: number): AllFeedPage => ({
  version: v.version,
  updated: v.updated,
  archive,
  archived: archive,
  size: v.items.length,
  entries: v.items,
})

/** The head as the request's clock sees it (embargoed items held back until their time). */
function headReply(
  format: FeedFormat,
  page: AllFeedPage,
  now: number,
  document: (page: AllFeedPage) => FeedDocument,
): DeferredRepresentation {
  const { value: seen, freshUntil } = visibleAllPage(page, now)
  const reply = feedReply(format, seen.version, seen.updated, () => document(seen))
  return freshUntil === undefined ? reply : { ...reply, freshUntil }
}

/** A complete archive page: cached as immutable. */
const archiveReply = (
  format: FeedFormat,
  page: AllFeedPage,
  document: (page: AllFeedPage) => FeedDocument,
): DeferredRepresentation => ({
  ...feedReply(format, page.version, page.updated, () => document(page)),
  cache: 'archive',
})

/**
 * `/feeds/all.{format}`: the newest items (KV `v2:feed:head`); `?archive=N`: complete archive page N
 * (`v2:feed:archive:N`, cached as immutable). An archive page that is still filling redirects to the head.
 */
export const allFeedRoute =
  (format: FeedFormat): RouteHandler =>
  async ({ url, env, site, now }: RouteContext) => {
    const archive = archiveParam(url)
    const head = `${site.origin}${url.pathname}`
    if (archive === 'legacy-page') return new Redirect(head)
    const render = (page: AllFeedPage) => allFeed(page, site)
    if (archive === null) {
      const value = await readFeedHead(env.CONTENT)
      const page: AllFeedPage =
        value === null
          ? {
              version: EMPTY_VERSION,
              updated: null,
              archive: null,
              archived: 0,
              size: FEED_PAGE_SIZE,
              entries: [],
            }
          : headPage(value)
      return headReply(format, page, now, render)
    }
    const value = await readFeedArchive(env.CONTENT, archive)
    if (value === null) return new Redirect(head, false)
    return archiveReply(format, archivePage(value, archive), render)
  }

/**
 * `/feeds/topics/{id}.{format}` and `/feeds/people/{id}.{format}`: a topic's or person's items, newest first (KV
 * `v2:{kind}:{id}:feed:head`), archived like "all" (`?archive=N`).
 */
export const subjectFeedRoute =
  (kind: SubjectKind, format: FeedFormat): RouteHandler =>
  async ({ url, env, site, now, params }: RouteContext) => {
    const id = slugParam(params, 'id')
    const archive = archiveParam(url)
    const head = `${site.origin}${url.pathname}`
    if (archive === 'legacy-page') throw notFound()
    if (archive === null) {
      const value = await readSubjectFeedHead(env.CONTENT, kind, id)
      if (value === null) throw notFound()
      return headReply(format, headPage(value), now, (page) => subjectFeed(page, value.subject, site))
    }
    const value = await readSubjectFeedArchive(env.CONTENT, kind, id, archive)
    if (value === null) return new Redirect(head, false)
    return archiveReply(format, archivePage(value, archive), (page) => subjectFeed(page, value.subject, site))
  }
