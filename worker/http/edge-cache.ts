/** The edge cache (Cache API), keyed by URL + ETag: a publish changes the key, so no purge is ever needed. */

/** Set only by `bench/http.ts` through `wrangler dev --define`, to time the miss path; never in a deployed build. */
declare const BROADSHEET_BENCH_FORCE_MISS: boolean | undefined
const forceMiss = typeof BROADSHEET_BENCH_FORCE_MISS !== 'undefined' && BROADSHEET_BENCH_FORCE_MISS === true

/** What the stored copy says to the Cache API: keep a day (the key changes with content, so age is harmless). */
const STORED_HEADERS = {
  'cache-control': 'public, max-age=86400',
  'content-type': 'application/octet-stream',
}

/** The cache key: the request URL plus the ETag, which already covers version, format, site, code and coding. */
function cacheKey(url: URL, etag: string): string {
  const key = new URL(url.href)
  key.hash = ''
  key.searchParams.set('__etag', etag.slice(1, -1))
  return key.href
}

/**
 * The body for this URL and ETag: from the edge cache, or rendered (and gzipped when asked), then stored
 * after the response has gone (waitUntil). Stored bytes carry no Content-Encoding so no cache decodes them.
 */
export async function edgeCachedBody(
  url: URL,
  etag: string,
  produce: () => Promise<Uint8Array | ArrayBuffer>,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<ReadableStream | Uint8Array | ArrayBuffer> {
  const cache = caches.default
  const key = cacheKey(url, etag)
  const hit = await cache.match(key)
  if (hit?.body && !forceMiss) return hit.body
  await hit?.body?.cancel()
  const bytes = await produce()
  waitUntil(cache.put(key, new Response(bytes, { headers: STORED_HEADERS })))
  return bytes
}
