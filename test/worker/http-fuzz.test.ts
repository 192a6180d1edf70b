/** A bounded, seeded HTTP fuzzer against the Worker in workerd: no 500, no leaks, the right Content-Type always. */
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { buildAllPage, buildArticle, buildFeedEntry } from '../fixtures/build-article.ts'
import { fuzzBody, fuzzHeaders, fuzzPath, fuzzQuery, METHODS, mulberry32, type Pick } from './fuzz-inputs.ts'
import { callWorker, ORIGIN, request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

const SEED = 0x5eed2026
const REQUESTS = 2_400
const MEDIA = `${'ab'.repeat(16)}.jpg`

/** Errors on these paths are for programs: problem+json (docs/urls.md "Status codes"); everything else gets an HTML page. */
const API = /^\/(?:feeds\/|feeds\.opml$|oembed$|media\/|widget)/

/** The Content-Type a successful response must carry, by route. */
const SUCCESS_TYPES: readonly [RegExp, RegExp][] = [
  [/^\/(?:articles\/[^/]+)?$/, /^text\/html; charset=utf-8$/],
  [/^\/feeds\/[^/]+\.rss$/, /^application\/rss\+xml; charset=utf-8$/],
  [/^\/feeds\/[^/]+\.atom$/, /^application\/atom\+xml; charset=utf-8$/],
  [/^\/feeds\/[^/]+\.json$/, /^application\/feed\+json; charset=utf-8$/],
  [/^\/feeds\.opml$/, /^text\/x-opml; charset=utf-8$/],
  [/^\/oembed$/, /^application\/json; charset=utf-8$/],
  [/^\/media\//, /^image\/(?:jpeg|png|webp|gif|avif|svg\+xml)$/],
  [/^\/favicon\.svg$/, /^image\/svg\+xml$/],
  [/^\/(?:widget(?:\.[0-9a-f]{8})?|embed-builder)\.js$/, /^text\/javascript; charset=utf-8$/],
  [/^\/[^/]+\.txt$/, /^text\/plain; charset=utf-8$/],
  [/^\/(?:sitemap|sitemaps\/[^/]+)\.xml$/, /^application\/xml; charset=utf-8$/],
]

/** What a leaked error looks like: stack frames, source paths, error class names. */
const LEAK =
  /\bat [^\n]*:\d+:\d+|\.(?:ts|mjs|cjs):\d+|\/work\/|node_modules|file:\/\/|\b(?:Type|Reference|Syntax|Range)Error\b/

let etags: string[] = []
let widgetHash = ''

beforeAll(async () => {
  const article = buildArticle({ slug: 'fuzz-target' })
  await seedArticle(article)
  await seedIndex([article])
  await seedAllPage(
    buildAllPage({ count: 0, items: [buildFeedEntry(article, 0), buildFeedEntry(article, 1)] }),
  )
  await env.CONTENT.put(keys.media(MEDIA), new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), {
    metadata: { h: 'x', type: 'image/jpeg' },
  })
  const manifest = await env.ASSETS.fetch('https://assets.invalid/widget-manifest.json')
  const parsed: unknown = await manifest.json()
  widgetHash = typeof parsed === 'object' && parsed && 'hash' in parsed ? String(parsed.hash) : ''
  for (const path of [
    '/feeds/fuzz-target.rss',
    '/feeds/all.json',
    '/articles/fuzz-target',
    `/media/${MEDIA}`,
  ]) {
    const res = await request(path)
    await res.arrayBuffer()
    etags.push(res.headers.get('etag') ?? '"none"')
  }
  etags = etags.filter((t) => t !== '"none"')
})

/** The body as a client reads it: the HTTP hop has already decoded gzip; a direct call has not. */
async function bodyText(res: Response, raw: Uint8Array, hop: boolean): Promise<string> {
  if (hop || res.headers.get('content-encoding') !== 'gzip' || raw.length === 0)
    return new TextDecoder().decode(raw)
  return new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
}

/**
 * One checked exchange; returns the problems found (empty when the response is right). `hop` sends it through
 * the runtime's HTTP layer (exports.default.fetch, ~10 ms); otherwise the handler is called directly (~1 ms),
 * which also sees a HEAD or 304 body the HTTP layer would silently drop.
 */
async function exchange(req: Request, hop: boolean): Promise<{ status: number; problems: string[] }> {
  const res = hop ? await exports.default.fetch(req) : await callWorker(req)
  const body = new Uint8Array(await res.arrayBuffer())
  const path = new URL(req.url).pathname
  const type = res.headers.get('content-type') ?? ''
  const problems: string[] = []
  const say = (what: string) =>
    problems.push(`${req.method} ${req.url.slice(0, 120)} -> ${res.status}: ${what}`)
  // 501 is oEmbed's own answer to a format it cannot return (oEmbed 1.0 §2.3.4), not a failure.
  const unsupportedOembedFormat = res.status === 501 && path === '/oembed'
  if (res.status >= 500 && !unsupportedOembedFormat) say('server error')
  if ((req.method === 'HEAD' || [204, 301, 304].includes(res.status)) && body.length > 0) say('has a body')
  if (res.status === 301 && !res.headers.get('location')) say('redirect without Location')
  if (res.status >= 400) {
    const want = API.test(path) ? 'application/problem+json; charset=utf-8' : 'text/html; charset=utf-8'
    if (type !== want) say(`Content-Type ${type}, expected ${want}`)
  } else if (res.status === 200) {
    const want = SUCCESS_TYPES.find(([route]) => route.test(path))?.[1]
    if (!want?.test(type)) say(`Content-Type ${type} for a 200`)
  } else if (![204, 301, 304].includes(res.status)) say('unexpected status')
  if (
    type.startsWith('text/html') &&
    !res.headers.get('content-security-policy')?.includes("default-src 'none'")
  )
    say('HTML without the page CSP')
  const text = await bodyText(res, body, hop)
  // Our own built scripts are JavaScript and may name error classes; everything else must not leak.
  if (!/javascript/.test(type) && LEAK.test(text)) say(`leaks ${LEAK.exec(text)?.[0]}`)
  return { status: res.status, problems }
}

describe(`the Worker under ${REQUESTS} fuzzed requests (seed 0x${SEED.toString(16)})`, () => {
  it('never fails with a 5xx (oEmbed 501 for an unsupported format aside), leaks nothing, and types every response for its status and route', async () => {
    const rand = mulberry32(SEED)
    const pick: Pick = (items) => items[Math.floor(rand() * items.length)] ?? (items[0] as never)
    const targets = { slug: 'fuzz-target', media: MEDIA, widgetHash, origin: ORIGIN }
    const statuses = new Map<number, number>()
    const problems: string[] = []
    let refused = 0
    const started = Date.now()
    // A fixed count from one seed: the same requests every run, however slow the machine (the clock is only
    // reported; the test's timeout only stops a hung Worker, a run takes about 10 s on 2 busy cores).
    for (let i = 0; i < REQUESTS; i++) {
      const method = pick(METHODS)
      const url = `${ORIGIN}${fuzzPath(rand, pick, targets)}${fuzzQuery(pick, targets)}`
      const headers = fuzzHeaders(rand, pick, etags)
      const body = ['GET', 'HEAD', 'get'].includes(method) ? undefined : fuzzBody(rand, pick)
      let req: Request
      try {
        req = new Request(url, { method, headers, ...(body === undefined ? {} : { body }) })
      } catch {
        refused++ // the client cannot even send it (forbidden method, invalid token)
        continue
      }
      const result = await exchange(req, i % 10 === 0)
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1)
      problems.push(...result.problems)
    }
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0)
    console.log(
      `http-fuzz seed 0x${SEED.toString(16)}: ${sent} requests sent, ${refused} refused by the client, ` +
        `${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    )
    expect(problems.slice(0, 20)).toEqual([])
    expect(sent + refused).toBe(REQUESTS)
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100)
    expect(statuses.get(304) ?? 0).toBeGreaterThan(0)
  }, 600_000)
})
