/**
 * gzip for text, made by us with CompressionStream and cached as bytes once per version. Why not leave it to
 * Cloudflare's front end: it compresses after the Worker, so (1) every edge-cache and isolate-cache hit would be
 * compressed again, while we keep the gzip bytes; (2) it turns our strong ETags weak when it re-encodes; (3) wrangler
 * dev and tests would never see compression. We send `encodeBody: 'manual'` so the runtime passes our bytes through.
 *
 * Whether to send gzip is decided from what the client itself accepts, for every text type. On the edge and behind
 * wrangler dev the Worker sees Accept-Encoding as the front end rewrote it (always with gzip); the client's own value
 * is in `request.cf.clientAcceptEncoding`. Deciding from the rewritten header would rely on the front end to decode
 * for clients that take no gzip: Cloudflare's does only for the types on its compression list (not Atom, JSON Feed,
 * OPML), and Miniflare's (wrangler dev) not at all for a client that sends no Accept-Encoding (a bare `curl`). Reading
 * `request.cf` costs a first read of the cf object on each request that gets a text type; bench/README.md
 * "Content coding" has the A/B against answering those types unencoded and letting the front end compress.
 * Tested on the wire through wrangler dev and the preview in test/integration/content-coding.test.ts.
 */

/** Whether each Content-Type seen is worth compressing: a Worker serves a handful of distinct values. */
const compressibleTypes = new Map<string, boolean>()

/** Whether a full Content-Type (parameters included) is text we compress, worked out once per distinct value. */
export function isCompressible(contentType: string): boolean {
  let known = compressibleTypes.get(contentType)
  if (known === undefined) {
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
    // Text formats; images other than SVG are compressed already.
    known =
      type.startsWith('text/') ||
      /^application\/(?:[\w.+-]+\+)?(?:xml|json)$/.test(type) ||
      type === 'application/javascript' ||
      type === 'image/svg+xml'
    if (compressibleTypes.size >= 64) compressibleTypes.clear()
    compressibleTypes.set(contentType, known)
  }
  return known
}

/**
 * Whether the client takes gzip: its own Accept-Encoding (`request.cf.clientAcceptEncoding`, present on the edge and
 * under wrangler dev; "" when it sent none), else the header (a direct call, the Workers test pool).
 */
export function acceptsGzip(request: Request): boolean {
  const header = clientAcceptEncoding(request)
  let known = seen.get(header)
  if (known === undefined) {
    if (seen.size >= 64) seen.clear()
    known = parseAcceptsGzip(header)
    seen.set(header, known)
  }
  return known
}

/** What the client itself sent: the front end keeps it in cf when it rewrites the header. */
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

/** gzip a body; the caller sends it with `encodeBody: 'manual'` so the runtime does not encode it again. */
export function gzip(body: string | ArrayBuffer | ReadableStream): ReadableStream<Uint8Array> {
  const stream = body instanceof ReadableStream ? body : new Response(body).body
  if (stream === null) throw new Error('empty body cannot be compressed')
  return stream.pipeThrough(new CompressionStream('gzip'))
}
