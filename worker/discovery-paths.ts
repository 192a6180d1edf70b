/**
 * The public paths the discovery Worker (discovery/) answers: what search engines, feed readers importing a list and
 * oEmbed consumers ask for, rarely and never on the hot path of feeds and pages. The feed Worker forwards them
 * through its DISCOVERY service binding (worker/discovery-forward.ts); discovery/routes.ts gives each its handler.
 * Kept out of the feed Worker so its bundle stays small (test/integration/bundle-size.test.ts).
 */

/** Each edition's discovery paths (the Traditional edition repeats them under `/zh-tw`, as worker/routes.ts does). */
export const DISCOVERY_EDITION_PATHS = [
  { path: '/feeds.opml', cors: true },
  { path: '/feeds.atom.opml', cors: true },
  { path: '/feeds.json.opml', cors: true },
  { path: '/oembed', cors: true },
  // Search engines: the sitemap index and its sitemaps (robots.txt names both editions' indexes).
  { path: '/sitemap.xml', cors: false },
  { path: '/sitemaps/news.xml', cors: false },
  { path: '/sitemaps/news-:page.xml', cors: false },
  { path: '/sitemaps/articles-:page.xml', cors: false },
  { path: '/sitemaps/topics-:page.xml', cors: false },
  { path: '/sitemaps/people-:page.xml', cors: false },
] as const

/** The site's discovery paths, in no edition: crawl rules, and the IndexNow key file (last: any `/{name}.txt`). */
export const DISCOVERY_SITE_PATHS = [
  { path: '/robots.txt', cors: false },
  { path: '/:key.txt', cors: false },
] as const

export type DiscoveryEditionPath = (typeof DISCOVERY_EDITION_PATHS)[number]['path']
export type DiscoverySitePath = (typeof DISCOVERY_SITE_PATHS)[number]['path']

/**
 * The path the feed Worker's cron POSTs to through the binding (the embargo lift's WebSub and search-engine
 * notices, worker/scheduled.ts). Not a public path: the feed Worker never forwards it from the internet.
 */
export const DISCOVERY_CRON_PATH = '/__discovery/cron'
