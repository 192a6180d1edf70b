/**
 * gzip for text: whether to send it is decided per content type (codingPolicy), compressed by us with
 * CompressionStream. Why not leave it to Cloudflare's front end: it compresses after the Worker, so (1) every edge-cache
 * hit would be compressed again, while we cache the gzip bytes once per version; (2) it turns our strong ETags weak
 * when it re-encodes; (3) wrangler dev and tests would never see compression. We send `encodeBody: 'manual'` so the
 * runtime passes our bytes through.
 *
 * On the edge (and behind wrangler dev's proxy) the Worker sees Accept-Encoding as the front end rewrote it, always
 * with gzip; the client's own value is in `request.cf.clientAcceptEncoding`. The front end decodes our gzip for a
 * client that takes none only for the types on its list (front-end-codings.ts). So:
 * - `front-end` types (HTML, RSS, JSON, JavaScript, SVG) are decided from the header: the hot path. We do not read
 *   `request.cf` for them: its first read deserializes the whole cf object, 55–65 µs of CPU per request in workerd
 *   (an A/B in bench:workerd's harness), more than the rest of an isolate-cache hit costs (bench/README.md "HTTP").
 * - `client` types (Atom, JSON Feed, OPML…) reach the client as we send them: decided from the client's own value.
 * Tested on the wire through wrangler dev and the preview in test/integration/content-coding.test.ts.
 */
import { frontEndDecodes } from './front-end-codings.ts'

/**
 * How a response's coding is chosen: `plain` never compressed (raster images); `front-end` from the Accept-Encoding
 * header (the front end decodes for clients that take no gzip); `client` from the client's own Accept-Encoding.
 */
export type CodingPolicy = 'plain' | 'front-end' | 'client'

/** Policies of the Content-Types seen: a Worker serves a handful of distinct values. */
const policies = new Map<string, CodingPolicy>()

/** The coding policy of a full Content-Type (parameters included), worked out once per distinct value. */
export function codingPolicy(contentType: string): CodingPolicy {
  let policy = policies.get(contentType)
  if (policy === undefined) {
    policy = !isCompressible(contentType) ? 'plain' : frontEndDecodes(contentType) ? 'front-end' : 'client'
    if (policies.size >= 64) policies.clear()
    policies.set(contentType, policy)
  }
  return policy
}

/**
 * Whether to send gzip under a compressible policy: `front-end` reads only the header; `client` reads the client's
 * own Accept-Encoding (`request.cf.clientAcceptEncoding`, present on the edge and under wrangler dev), else the header.
 */
export function acceptsGzip(request: Request, policy: Exclude<CodingPolicy, 'plain'>): boolean {
  const header =
    policy === 'client' ? clientAcceptEncoding(request) : (request.headers.get('accept-encoding') ?? '')
  let known = seen.get(header)
  if (known === undefined) {
    if (seen.size >= 64) seen.clear()
    known = parseAcceptsGzip(header)
    seen.set(header, known)
  }
  return known
}

/** What the client itself sent: the front end keeps it in cf when it rewrites the header ("" when none was sent). */
function clientAcceptEncoding(request: Request): string {
  const sent = (request.cf as { clientAcceptEncoding?: unknown } | undefined)?.clientAcceptEncoding
  return typeof sent === 'string' ? sent : (request.headers.get('accept-encoding') ?? '')
}

/** Answers for the Accept-Encoding values seen lately: clients send a handful of distinct values. */
const seen = new Map<string, boolean>()

/** `gzip`, `x-gzip` or `*` with a non-zero q; none, `identity` or `gzip;q=0` mean no gzip. */
function parseAcceptsGzip(header: string): boolean {
  let star = false
  for (const part of header.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim())
    const q = params.find((p) => p.startsWith('q='))
    const accepted = q === undefined || Number(q.slice(2)) > 0
    if (coding === 'gzip' || coding === 'x-gzip') return accepted
    if (coding === '*') star = accepted
  }
  return star
}

/** Text formats worth compressing (images other than SVG are compressed already). */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim() ?? ''
  return (
    type.startsWith('text/') ||
    /^application\/(?:[\w.+-]+\+)?(?:xml|json)$/.test(type) ||
    type === 'application/javascript' ||
    type === 'image/svg+xml'
  )
}

/** gzip a body; the caller sends it with `encodeBody: 'manual'` so the runtime does not encode it again. */
export function gzip(body: string | ArrayBuffer | ReadableStream): ReadableStream<Uint8Array> {
  const stream = body instanceof ReadableStream ? body : new Response(body).body
  if (stream === null) throw new Error('empty body cannot be compressed')
  return stream.pipeThrough(new CompressionStream('gzip'))
}
