/**
 * gzip for text: decided from the request's Accept-Encoding, compressed by us with CompressionStream.
 * Why not leave it to Cloudflare's front end: it compresses after the Worker, so (1) every edge-cache hit would
 * be compressed again, while we cache the gzip bytes once per version; (2) it turns our strong ETags weak when
 * it re-encodes; (3) wrangler dev and tests would never see compression. We send `encodeBody: 'manual'` so the
 * runtime passes our bytes through.
 *
 * On the edge (and behind wrangler dev's proxy) the Worker sees Accept-Encoding as the front end rewrote it, always
 * with gzip, so every client gets our gzip bytes there and the front end decodes them for a client that takes no
 * gzip (Miniflare's entry worker does the same locally, as Cloudflare's front end does; tested through wrangler
 * dev in test/readers). We do not read `request.cf.clientAcceptEncoding` instead: the first read of `request.cf`
 * deserializes the whole cf object: 55–65 µs of CPU per request in workerd (an A/B in bench:workerd's harness), more
 * than the rest of an isolate-cache hit costs (bench/README.md "HTTP").
 */

/** Answers for the Accept-Encoding values seen lately: clients send a handful of distinct values. */
const seen = new Map<string, boolean>()

/** Whether the request accepts gzip (`gzip`, `x-gzip` or `*`, with a non-zero q). */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get('accept-encoding') ?? ''
  let known = seen.get(header)
  if (known === undefined) {
    if (seen.size >= 64) seen.clear()
    known = parseAcceptsGzip(header)
    seen.set(header, known)
  }
  return known
}

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
