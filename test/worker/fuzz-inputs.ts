/** Seeded random inputs for the HTTP fuzzer: paths, methods, headers, queries and bodies, valid and mangled. */

/** mulberry32: a tiny, well-mixed 32-bit PRNG, so a failing run can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Picks from a list with a PRNG. */
export type Pick = <T>(items: readonly T[]) => T

/** What the fuzzer knows of the seeded store, so valid shapes hit real values as well as misses. */
export interface FuzzTargets {
  slug: string
  media: string
  widgetHash: string
  origin: string
}

const EXTS = ['rss', 'atom', 'json', 'xml', 'RSS', 'json/', ''] as const

function validPath(pick: Pick, t: FuzzTargets): string {
  const slug = pick([t.slug, t.slug, 'all', 'no-such-article', 'A-B', '-x', 'x'.repeat(81)])
  return pick([
    '/',
    `/articles/${slug}`,
    `/feeds/${slug}.${pick(EXTS)}`,
    `/feeds/all.${pick(EXTS)}`,
    '/feeds.opml',
    `/media/${pick([t.media, `${'0'.repeat(32)}.png`, 'x.svg', `${t.media}.svg`, t.media.toUpperCase()])}`,
    '/oembed',
    '/favicon.svg',
    '/widget.js',
    `/widget.${pick([t.widgetHash, '0000000g', '12345678', ''])}.js`,
    '/embed-builder.js',
    '/robots.txt',
    '/sitemap.xml',
    `/sitemaps/${pick(['news', 'articles-1', 'articles-0', 'articles-99999999', 'other'])}.xml`,
    `/${pick(['0123456789abcdef', 'x', '..'])}.txt`,
  ])
}

const SEGMENTS = [
  '..',
  '%2e%2e',
  '%2E%2E/%2e%2e',
  '%00',
  '%2F',
  '%',
  '%zz',
  '%ff%fe',
  '綦江',
  '😀',
  '%E2%80%AE',
  '<script>',
  '"\'',
  ';jsessionid=1',
  '',
  '~',
  '.git',
  'wp-admin',
] as const

/** A valid route shape, then maybe mutated: segments inserted, doubled slashes, a giant segment, case changes. */
export function fuzzPath(rand: () => number, pick: Pick, t: FuzzTargets): string {
  let path = validPath(pick, t)
  const mutations = Math.floor(rand() * 3)
  for (let i = 0; i < mutations; i++) {
    const parts = path.split('/')
    const at = 1 + Math.floor(rand() * parts.length)
    const kind = pick(['insert', 'double', 'long', 'upper', 'append', 'trailing'] as const)
    if (kind === 'insert') parts.splice(at, 0, pick(SEGMENTS))
    else if (kind === 'double') parts.splice(at, 0, '')
    else if (kind === 'long') parts.splice(at, 0, 'a'.repeat(pick([200, 1_000, 5_000])))
    else if (kind === 'upper') return path.toUpperCase()
    else if (kind === 'append') parts[parts.length - 1] += pick(SEGMENTS)
    else parts.push('')
    path = parts.join('/')
  }
  return path
}

/** A query string: none, page numbers good and bad, repeated, oEmbed parameters, huge. */
export function fuzzQuery(pick: Pick, t: FuzzTargets): string {
  const page = () =>
    `page=${pick(['1', '2', '0', '-1', 'NaN', '1.5', '1e3', '999999', '00002', ' 2', '', '%00'])}`
  const article = `${t.origin}/articles/${t.slug}`
  const url = () =>
    `url=${encodeURIComponent(pick([article, `${article}#x`, 'javascript:alert(1)', 'https://evil.example/articles/x', '', `${t.origin}/articles/../feeds.opml`]))}`
  const parts = pick([
    [],
    [page()],
    [page(), page()],
    [url()],
    [url(), `format=${pick(['json', 'xml', 'JSON', ''])}`],
    [url(), `maxwidth=${pick(['300', '-1', 'abc', '1e309', '0'])}`, `maxheight=${pick(['200', 'NaN', ''])}`],
    [`x=${'y'.repeat(pick([100, 3_000]))}`],
    ['&&&=&='],
    ['a=%ZZ'],
  ])
  return parts.length === 0 ? '' : `?${parts.join('&')}`
}

/** Standard, unusual and invalid methods (the Request constructor refuses some: counted, not sent). */
export const METHODS = [
  'GET',
  'GET',
  'GET',
  'HEAD',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'get',
  'BREW',
  'BAD METHOD',
] as const

/** Request headers: validators (real, weak, lists, `*`, garbage, huge), encodings, Origin, Range. */
export function fuzzHeaders(
  rand: () => number,
  pick: Pick,
  etags: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = {}
  const maybe = (name: string, values: readonly string[]) => {
    if (rand() < 0.35) headers[name] = pick(values)
  }
  const etag = pick(etags.length > 0 ? etags : ['"none"'])
  maybe('if-none-match', [
    etag,
    `W/${etag}`,
    `"a", ${etag}`,
    '*',
    'W/"x"',
    '"a","b" , W/"c"',
    'garbage',
    '"unterminated',
    ',,,',
    `"${'x'.repeat(20_000)}"`,
  ])
  maybe('if-modified-since', [
    'Tue, 22 Dec 2020 02:00:00 GMT',
    'Thu, 01 Jan 1970 00:00:00 GMT',
    'Fri, 31 Dec 9999 23:59:59 GMT',
    'yesterday',
    '2020-12-22',
    '',
  ])
  maybe('accept-encoding', ['gzip', 'br', 'gzip;q=0', '*', 'identity;q=0, *;q=0', 'deflate, gzip;q=0.5', 'x'])
  maybe('origin', ['https://partner.example', 'null', 'https://evil.example'])
  maybe('range', ['bytes=0-10', 'bytes=-5', 'bytes=garbage', 'lines=1-2'])
  maybe('access-control-request-method', ['GET', 'PUT', 'X'])
  maybe('accept', ['*/*', 'application/rss+xml', 'text/html', '', 'x/y;q=bad'])
  return headers
}

/** A body for methods that may carry one: text, binary, JSON, or a large blob. */
export function fuzzBody(rand: () => number, pick: Pick): string | Uint8Array | undefined {
  if (rand() < 0.3) return undefined
  return pick([
    '{"version":"x","article":{}}',
    'slug=evil&title=<script>',
    Uint8Array.from({ length: 64 }, () => Math.floor(rand() * 256)),
    'x'.repeat(20_000),
  ])
}
