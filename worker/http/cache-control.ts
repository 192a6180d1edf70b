/** Cache-Control per profile, chosen on purpose; our own edge cache is keyed by content version (edge-cache.ts). */
import type { CacheProfile } from './representation.ts'

/**
 * Why these values: the Worker's own edge cache is keyed by content version, so a publish shows at the edge at
 * once and needs no TTL there. Caches we cannot purge get short lifetimes, since a revalidation costs one KV read
 * and a 304: browsers and feed readers (`max-age`) a few minutes; shared caches (`s-maxage`: corporate proxies,
 * a CDN in front of a partner) a little longer, because one copy there serves many readers. A publish is thus
 * visible everywhere within 15 minutes. stale-while-revalidate keeps readers fast while they revalidate;
 * stale-if-error rides out a KV outage.
 */
const PROFILES: Readonly<Record<CacheProfile, string>> = {
  // Feed readers poll every 15-60 minutes; 5 minutes of freshness costs nothing and bounds staleness.
  feed: 'public, max-age=300, s-maxage=900, stale-while-revalidate=3600, stale-if-error=86400',
  // A complete archive page of the "all" feed (RFC 5005): its entries never change, except when an article is
  // withdrawn (its items are then taken out). A day bounds how long a withdrawn text survives in caches.
  archive: 'public, max-age=86400, s-maxage=86400, immutable, stale-if-error=86400',
  // People expect a reload to show a correction: one minute.
  page: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400',
  // Unversioned media URLs do not exist (names are content hashes), so this matches `immutable`.
  media: 'public, max-age=31536000, immutable',
  // /widget.js is unversioned: partners pick up fixes within 5 minutes; pinned hashed URLs use `immutable`.
  script: 'public, max-age=300, s-maxage=900, stale-while-revalidate=86400',
  immutable: 'public, max-age=31536000, immutable',
  // Constant assets baked into the code (favicon): a day; a deploy changing them is rare and harmless.
  static: 'public, max-age=86400',
}

/** The Cache-Control value for a profile. */
export const cacheControl = (profile: CacheProfile): string => PROFILES[profile]

/** Errors: 404s may be cached briefly (a publish can create the URL); anything else is not stored. */
export const errorCacheControl = (status: number): string =>
  status === 404 || status === 410 ? 'public, max-age=60' : 'no-store'
