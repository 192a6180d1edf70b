/** The contract between route handlers and the HTTP layer: handlers say what they serve, http/ decides how. */

/** How long caches may keep a response; http/ turns each profile into Cache-Control. */
export type CacheProfile = 'feed' | 'archive' | 'page' | 'media' | 'script' | 'immutable' | 'static'

export interface Representation {
  body: string | ArrayBuffer | ReadableStream
  /** Full Content-Type, e.g. `application/rss+xml; charset=utf-8`. */
  contentType: string
  /** Content version of the data behind this body (a KV value's `version`); http/ derives the strong ETag from it. */
  version: string
  /** RFC 3339 time of the newest change behind this body, for Last-Modified. */
  lastModified?: string
  cache: CacheProfile
  /** When this body stops being right (ms; an embargoed article appears then): memory keeps it no longer. */
  freshUntil?: number
}

/**
 * A representation whose body is rendered only when needed: not for a 304, a HEAD or an edge-cache hit.
 * http/ caches the rendered bytes at the edge under the URL, the ETag and the content coding.
 */
export interface DeferredRepresentation extends Omit<Representation, 'body'> {
  render: () => string
}
