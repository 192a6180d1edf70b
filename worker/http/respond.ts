/** Turns a handler's representation into the response: validators, 304, caching, CORS, security, gzip, HEAD. */
import { type SiteConfig, siteFingerprint } from '../site-config.ts'
import { cacheControl } from './cache-control.ts'
import { acceptsGzip, gzip, isCompressible } from './compression.ts'
import { isNotModified } from './conditional.ts'
import { CORS_HEADERS } from './cors.ts'
import { edgeCachedBody } from './edge-cache.ts'
import { entityTag } from './entity-tag.ts'
import { toHttpDate } from './http-date.ts'
import { type IsolateSlot, rememberResponse, rememberWhileStreaming } from './isolate-cache.ts'
import { RENDER_VERSION } from './render-version.ts'
import type { DeferredRepresentation, Representation } from './representation.ts'
import { pageSecurityHeaders, RESOURCE_SECURITY_HEADERS } from './security-headers.ts'

/** What respond needs besides the request: the site (part of every ETag) and a way to finish work later. */
export interface RespondContext {
  site: SiteConfig
  /** The route's CORS flag (route table): read routes other origins may fetch get CORS headers. */
  cors: boolean
  waitUntil: (promise: Promise<unknown>) => void
  /** Where this isolate may remember the response (isolate-cache.ts), or null. */
  isolate: IsolateSlot | null
}

const isHtml = (contentType: string): boolean => contentType.startsWith('text/html')

async function baseHeaders(
  rep: Omit<Representation, 'body'>,
  etag: string,
  cors: boolean,
  compressible: boolean,
): Promise<Headers> {
  const headers = new Headers({
    'content-type': rep.contentType,
    etag,
    'cache-control': cacheControl(rep.cache),
    ...(isHtml(rep.contentType) ? await pageSecurityHeaders() : RESOURCE_SECURITY_HEADERS),
    ...(cors ? CORS_HEADERS : {}),
  })
  if (rep.lastModified !== undefined) headers.set('last-modified', toHttpDate(rep.lastModified))
  if (compressible) headers.set('vary', 'Accept-Encoding')
  return headers
}

/** The strong ETags of the identity and gzip variants: the bytes differ, so the tags must too (RFC 9110 §8.8.1). */
function variantTags(rep: Omit<Representation, 'body'>, url: URL, site: SiteConfig): [string, string] {
  const identity = entityTag([
    rep.version,
    rep.contentType,
    url.pathname,
    siteFingerprint(site),
    RENDER_VERSION,
  ])
  return [identity, `${identity.slice(0, -1)}-gzip"`]
}

/** Renders (or takes) the body and gzips it when asked, as bytes ready for the edge cache. */
async function bytesOf(body: string | ArrayBuffer | ReadableStream, compress: boolean): Promise<Uint8Array> {
  if (typeof body === 'string' && !compress) return new TextEncoder().encode(body)
  if (body instanceof ArrayBuffer && !compress) return new Uint8Array(body)
  return new Uint8Array(await new Response(compress ? gzip(body) : body).arrayBuffer())
}

/**
 * The response for a GET or HEAD that a handler answered with a representation. A 200 to a GET is remembered
 * in the isolate when the context gives a slot; a streamed body (media) still streams, copied on its way out.
 */
export async function respond(
  request: Request,
  url: URL,
  rep: Representation | DeferredRepresentation,
  context: RespondContext,
): Promise<Response> {
  const compressible = isCompressible(rep.contentType)
  const compress = compressible && acceptsGzip(request)
  const [identityTag, gzipTag] = variantTags(rep, url, context.site)
  const etag = compress ? gzipTag : identityTag
  const headers = await baseHeaders(rep, etag, context.cors, compressible)
  const unusedStream = 'body' in rep && rep.body instanceof ReadableStream ? rep.body : null
  const tags = [identityTag, gzipTag]

  if (isNotModified(request, tags, rep.lastModified)) {
    await unusedStream?.cancel()
    headers.delete('content-type')
    return new Response(null, { status: 304, headers })
  }
  const encodeBody = compress ? 'manual' : 'automatic'
  const notModified = new Headers(headers)
  notModified.delete('content-type')
  if (compress) headers.set('content-encoding', 'gzip')
  if (request.method === 'HEAD') {
    await unusedStream?.cancel()
    return new Response(null, { headers, encodeBody: 'manual' })
  }
  if (!('render' in rep) && context.isolate === null)
    return new Response(compress ? gzip(rep.body) : rep.body, { headers, encodeBody })
  const coding = compressible ? (compress ? 'gzip' : 'identity') : 'plain'
  const stored = {
    headers,
    notModified,
    encoded: compress,
    tags,
    ...(rep.lastModified === undefined ? {} : { lastModified: rep.lastModified }),
    ...(rep.freshUntil === undefined ? {} : { freshUntil: rep.freshUntil }),
  }
  if (!('render' in rep) && context.isolate !== null && rep.body instanceof ReadableStream) {
    const stream = compress ? gzip(rep.body) : rep.body
    return new Response(rememberWhileStreaming(context.isolate, coding, stream, stored), {
      headers,
      encodeBody,
    })
  }
  const body =
    'render' in rep
      ? await edgeCachedBody(url, etag, () => bytesOf(rep.render(), compress), context.waitUntil)
      : await bytesOf(rep.body, compress)
  if (context.isolate !== null) rememberResponse(context.isolate, coding, { ...stored, body })
  return new Response(body, { headers, encodeBody })
}
