/** The edge cache (Cache API), keyed by URL + ETag: a publish changes the key, so no purge is ever needed. */

import { ByteLru } from '../byte-lru.ts'
import { forceMiss } from './force-miss.ts'

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
 * Rendered bodies this isolate produced or fetched recently, by cache key. Workers reuse isolates across many
 * requests, so the hottest feeds are answered from memory without a Cache API round trip; the key carries the
 * ETag, so a publish makes every remembered body unreachable at once, like the edge cache itself.
 */
const recent = new ByteLru<Uint8Array>(8 * 1024 * 1024, 2 * 1024 * 1024)

/**
 * The body for this URL and ETag: from this isolate's memory, the edge cache, or rendered (and gzipped when
 * asked), then stored after the response has gone (waitUntil). Stored bytes carry no Content-Encoding so no
 * cache decodes them.
 */
export async function edgeCachedBody(
  url: URL,
  etag: string,
  produce: () => Promise<Uint8Array | ArrayBuffer>,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Uint8Array> {
  const key = cacheKey(url, etag)
  const inMemory = forceMiss ? undefined : recent.get(key)
  if (inMemory) return inMemory
  const cache = caches.default
  const hit = await cache.match(key)
  if (hit && !forceMiss) {
    const bytes = new Uint8Array(await hit.arrayBuffer())
    recent.set(key, bytes, bytes.byteLength)
    return bytes
  }
  await hit?.body?.cancel()
  const bytes = new Uint8Array(await produce())
  if (!forceMiss) recent.set(key, bytes, bytes.byteLength)
  waitUntil(cache.put(key, new Response(bytes, { headers: STORED_HEADERS })))
  return bytes
}
