/** The feed routes: one article's feed and the "all articles" pages, in RSS, Atom and JSON Feed. */
import { FEED_MEDIA_TYPES, type FeedFormat } from '../../model/feed-urls.ts'
import { Redirect } from '../http/redirect.ts'
import type { DeferredRepresentation } from '../http/representation.ts'
import type { RouteContext, RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { allFeed, articleFeed, type FeedDocument } from '../render/feed-document.ts'
import { renderAtom } from '../render/render-atom.ts'
import { renderJsonFeed } from '../render/render-json-feed.ts'
import { renderRss } from '../render/render-rss.ts'
import { readAllPage, readArticle } from '../store.ts'
import { pageParam, slugParam } from './route-params.ts'
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

/** `/feeds/{slug}.{format}`: one article's sections as items (KV `v1:article:{slug}`). */
export const articleFeedRoute =
  (format: FeedFormat): RouteHandler =>
  async ({ params, env, site, now }: RouteContext) => {
    const value = visibleArticle(await readArticle(env.CONTENT, slugParam(params)), now)
    return feedReply(format, value.version, value.article.updated, () => articleFeed(value, site))
  }

/** `/feeds/all.{format}[?page=N]`: page N of every article's sections (KV `v1:all:{N}`). */
export const allFeedRoute =
  (format: FeedFormat): RouteHandler =>
  async ({ url, env, site, now }: RouteContext) => {
    const page = pageParam(url)
    if (page === 'canonical-redirect') return new Redirect(`${site.baseUrl}${url.pathname}`)
    const stored = await readAllPage(env.CONTENT, page)
    if (stored === null) throw notFound()
    const { value, freshUntil } = visibleAllPage(stored, now)
    const reply = feedReply(format, value.version, value.updated, () => allFeed(value, site))
    return freshUntil === undefined ? reply : { ...reply, freshUntil }
  }
