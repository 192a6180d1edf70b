/**
 * The wrangler configs of the Workers that serve the site, the answering one first: the feed Worker, and the
 * discovery Worker behind its DISCOVERY binding (sitemaps, robots.txt, OPML, oEmbed). `npm start` adds the
 * federation Worker (fediverse/wrangler.toml), which needs its development key and settings.
 */
export const SITE_CONFIGS = ['wrangler.toml', 'discovery/wrangler.toml'] as const

/** `-c` arguments for `wrangler dev`, one per config. */
export const configArgs = (configs: readonly string[]): string[] => configs.flatMap((c) => ['-c', c])
