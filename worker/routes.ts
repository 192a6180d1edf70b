/**
 * The URL contract of the feed Worker, in one table (docs/urls.md "URLs"); order matters where patterns overlap.
 * The discovery paths (worker/discovery-paths.ts) are rows too, forwarded to the discovery Worker.
 */
import { HANT_PATH } from '../model/edition.ts'
import { FEED_FORMATS, mediaPath } from '../model/feed-urls.ts'
import { SUBJECT_PATHS } from '../model/subject.ts'
import { toDiscovery } from './discovery-forward.ts'
import { DISCOVERY_EDITION_PATHS, DISCOVERY_SITE_PATHS } from './discovery-paths.ts'
import { hantRoutes } from './edition-routes.ts'
import type { Route, TableRoute } from './http/route-handler.ts'
import { articlePageRoute } from './routes/article-page.ts'
import { faviconRoute, rasterIconRoute } from './routes/favicon.ts'
import { allFeedRoute, articleFeedRoute, subjectFeedRoute } from './routes/feed.ts'
import { editionHomeRedirect, homePageRoute } from './routes/home-page.ts'
import { mediaRoute } from './routes/media.ts'
import { sectionPageRoute } from './routes/section-page.ts'
import { directoryRoute, subjectPageRoute } from './routes/subject-page.ts'
import { embedBuilderScript, pinnedWidgetScript, widgetScript } from './routes/widget-script.ts'
import { FAVICON_ICO, RASTER_ICONS } from './site-icon.ts'

const SUBJECT_KINDS = ['topic', 'person'] as const

/** The public paths of an edition: pages, feeds, then OPML, oEmbed, sitemaps (the Traditional edition repeats them). */
const editionRoutes: readonly TableRoute[] = [
  { path: '/', handler: homePageRoute, cors: false },
  { path: '/articles/:slug', handler: articlePageRoute, cors: false },
  { path: '/articles/:slug/:section', handler: sectionPageRoute, cors: false },
  // "all" before ":slug": `all` is a reserved slug.
  { path: '/feeds/all.rss', handler: allFeedRoute('rss'), cors: true },
  { path: '/feeds/all.atom', handler: allFeedRoute('atom'), cors: true },
  { path: '/feeds/all.json', handler: allFeedRoute('json'), cors: true },
  ...SUBJECT_KINDS.flatMap((kind): Route[] => [
    { path: `/${SUBJECT_PATHS[kind]}`, handler: directoryRoute(kind), cors: false },
    { path: `/${SUBJECT_PATHS[kind]}/:id`, handler: subjectPageRoute(kind), cors: false },
    ...FEED_FORMATS.map((f) => ({
      path: `/feeds/${SUBJECT_PATHS[kind]}/:id.${f.ext}`,
      handler: subjectFeedRoute(kind, f.ext),
      cors: true,
    })),
  ]),
  { path: '/feeds/:slug.rss', handler: articleFeedRoute('rss'), cors: true },
  { path: '/feeds/:slug.atom', handler: articleFeedRoute('atom'), cors: true },
  { path: '/feeds/:slug.json', handler: articleFeedRoute('json'), cors: true },
  ...toDiscovery(DISCOVERY_EDITION_PATHS),
]

/**
 * Every route answers GET and HEAD; `cors` routes also answer preflights; other methods get 405. The Traditional
 * (Taiwan) edition's routes are the original's under `/zh-tw` (model/edition.ts); media, icons and the widget are
 * shared.
 */
export const routes: readonly TableRoute[] = [
  ...editionRoutes,
  // `/zh-tw` answers 301 to the edition's home page `/zh-tw/` (the router matches both with this row).
  { path: HANT_PATH, handler: editionHomeRedirect, cors: false, edition: 'hant' },
  ...hantRoutes(editionRoutes),
  { path: mediaPath(':name'), handler: mediaRoute, cors: true },
  { path: '/favicon.svg', handler: faviconRoute, cors: false },
  // PNG renditions of the icon, rendered at build time (worker/build-icons.ts); feeds and previews use them.
  { path: '/favicon.ico', handler: rasterIconRoute(FAVICON_ICO.name, 'image/x-icon'), cors: false },
  ...Object.values(RASTER_ICONS).map((icon) => ({
    path: `/${icon.name}`,
    handler: rasterIconRoute(icon.name, 'image/png'),
    cors: true,
  })),
  // The widget, built from widget/ into dist/assets (Workers Static Assets, read by routes/widget-script.ts).
  { path: '/widget.js', handler: widgetScript, cors: true },
  { path: '/widget.:hash.js', handler: pinnedWidgetScript, cors: true },
  { path: '/embed-builder.js', handler: embedBuilderScript, cors: false },
  // robots.txt and the IndexNow key file: last, so that no fixed `.txt` path above is taken for a key.
  ...toDiscovery(DISCOVERY_SITE_PATHS),
]
