/** `/` and the OPML lists (`/feeds.opml`, `/feeds.atom.opml`, `/feeds.json.opml`): both list what `v1:index` holds; before the first publish they list nothing (200). */
import type { FeedFormat } from '../../model/feed-urls.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { renderHomePage } from '../render/render-home-page.ts'
import { renderOpml } from '../render/render-opml.ts'
import { readIndex } from '../store.ts'
import { visibleIndex } from './visible.ts'

/** The version of a site with nothing published: a constant, so even the empty page has a stable ETag. */
const EMPTY_VERSION = 'empty'

/** The home page. */
export const homePageRoute: RouteHandler = async ({ env, site, now }) => {
  const stored = await readIndex(env.CONTENT)
  const seen = stored && visibleIndex(stored, now)
  const index = seen?.value ?? null
  return {
    ...(seen?.freshUntil === undefined ? {} : { freshUntil: seen.freshUntil }),
    contentType: 'text/html; charset=utf-8',
    version: index?.version ?? EMPTY_VERSION,
    ...(index?.updated ? { lastModified: index.updated } : {}),
    cache: 'page',
    render: () => renderHomePage(index, site),
  }
}

/** The OPML list of every feed in one format (`/feeds.opml` is RSS). */
export const opmlRoute =
  (format: FeedFormat): RouteHandler =>
  async ({ env, site, now }) => {
    const stored = await readIndex(env.CONTENT)
    const seen = stored && visibleIndex(stored, now)
    const index = seen?.value ?? null
    return {
      ...(seen?.freshUntil === undefined ? {} : { freshUntil: seen.freshUntil }),
      contentType: 'text/x-opml; charset=utf-8',
      version: index?.version ?? EMPTY_VERSION,
      ...(index?.updated ? { lastModified: index.updated } : {}),
      cache: 'feed',
      render: () => renderOpml(index, site, format),
    }
  }
