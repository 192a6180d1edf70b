/** The discovery Worker's route table: a handler for each path of worker/discovery-paths.ts, in both editions. */
import {
  DISCOVERY_EDITION_PATHS,
  DISCOVERY_SITE_PATHS,
  type DiscoveryEditionPath,
  type DiscoverySitePath,
} from '../worker/discovery-paths.ts'
import { hantRoutes } from '../worker/edition-routes.ts'
import type { Route, RouteHandler } from '../worker/http/route-handler.ts'
import { oembedRoute } from '../worker/routes/oembed.ts'
import { opmlRoute } from '../worker/routes/opml.ts'
import { indexNowKeyRoute, robotsRoute } from '../worker/routes/robots.ts'
import { articleSitemapRoute, newsSitemapRoute, sitemapIndexRoute } from '../worker/routes/sitemaps.ts'
import { subjectSitemapRoute } from '../worker/routes/subject-sitemaps.ts'

const editionHandlers: Record<DiscoveryEditionPath, RouteHandler> = {
  '/feeds.opml': opmlRoute('rss'),
  '/feeds.atom.opml': opmlRoute('atom'),
  '/feeds.json.opml': opmlRoute('json'),
  '/oembed': oembedRoute,
  '/sitemap.xml': sitemapIndexRoute,
  '/sitemaps/news.xml': newsSitemapRoute,
  '/sitemaps/news-:page.xml': newsSitemapRoute,
  '/sitemaps/articles-:page.xml': articleSitemapRoute,
  '/sitemaps/topics-:page.xml': subjectSitemapRoute('topic'),
  '/sitemaps/people-:page.xml': subjectSitemapRoute('person'),
}

const siteHandlers: Record<DiscoverySitePath, RouteHandler> = {
  '/robots.txt': robotsRoute,
  '/:key.txt': indexNowKeyRoute,
}

const editionRoutes: readonly Route[] = DISCOVERY_EDITION_PATHS.map((r) => ({
  ...r,
  handler: editionHandlers[r.path],
}))

/** Every path of the discovery Worker; the feed Worker forwards exactly these (worker/routes.ts). */
export const discoveryRoutes: readonly Route[] = [
  ...editionRoutes,
  ...hantRoutes(editionRoutes),
  ...DISCOVERY_SITE_PATHS.map((r) => ({ ...r, handler: siteHandlers[r.path] })),
]
