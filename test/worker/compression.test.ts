import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { isCompressible } from '../../worker/http/compression.ts'
import { answerFromIsolate, isolateSlot } from '../../worker/http/isolate-cache.ts'
import { buildAllPage } from '../fixtures/build-article.ts'
import { callWorker, ORIGIN, seedAllPage, seedArticle } from './seed.ts'

const FEED = `${ORIGIN}/feeds/qijiang-strategic-pivot.rss`

async function gunzip(res: Response): Promise<string> {
  if (!res.body) throw new Error('no body')
  return new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text()
}

describe('gzip', () => {
  it('compresses every text format for a client that accepts gzip, and the bytes decompress to the same text', async () => {
    await seedArticle()
    await seedAllPage(buildAllPage({ count: 20 }))
    for (const path of [
      '/feeds/qijiang-strategic-pivot.rss',
      '/feeds/all.atom',
      '/feeds/all.json',
      '/articles/qijiang-strategic-pivot',
      '/',
    ]) {
      const plain = await callWorker(
        new Request(`${ORIGIN}${path}`, { headers: { 'accept-encoding': 'identity' } }),
      )
      const zipped = await callWorker(
        new Request(`${ORIGIN}${path}`, { headers: { 'accept-encoding': 'gzip, deflate' } }),
      )
      expect(plain.headers.get('content-encoding'), path).toBeNull()
      expect(zipped.headers.get('content-encoding'), path).toBe('gzip')
      const raw = new Uint8Array(await zipped.clone().arrayBuffer())
      expect([raw[0], raw[1]], path).toEqual([0x1f, 0x8b])
      expect(await gunzip(zipped), path).toBe(await plain.text())
    }
  })

  it('compresses a cache hit the same way as the miss', async () => {
    await seedArticle()
    const headers = { 'accept-encoding': 'gzip' }
    const miss = await gunzip(await callWorker(new Request(FEED, { headers })))
    const hit = await gunzip(await callWorker(new Request(FEED, { headers })))
    expect(hit).toBe(miss)
  })

  it("decides from the client's own Accept-Encoding in request.cf, not the header the front end rewrote", async () => {
    await seedArticle()
    // The edge (and wrangler dev) rewrites the header to "br, gzip" whatever the client sent; the client's own value
    // is only in cf, and "" when it sent none (a bare curl), which Miniflare would pass our gzip through to.
    for (const client of ['identity', '']) {
      const res = await callWorker(
        new Request(FEED, {
          headers: { 'accept-encoding': 'br, gzip' },
          cf: { clientAcceptEncoding: client },
        }),
      )
      expect(res.headers.get('content-encoding'), client).toBeNull()
      expect(await res.text(), client).toMatch(/^<\?xml/)
    }
  })

  it.each(['gzip;q=0', 'br', '', 'identity'])('sends identity for Accept-Encoding "%s"', async (value) => {
    await seedArticle()
    const res = await callWorker(new Request(FEED, { headers: { 'accept-encoding': value } }))
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toMatch(/^<\?xml/)
  })

  it('sends Content-Encoding on HEAD as on GET, with no body', async () => {
    await seedArticle()
    const res = await callWorker(
      new Request(FEED, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } }),
    )
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.body).toBeNull()
  })

  it('compresses SVG, a text image format', async () => {
    const res = await callWorker(
      new Request(`${ORIGIN}/favicon.svg`, { headers: { 'accept-encoding': 'gzip' } }),
    )
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(await gunzip(res)).toMatch(/^<svg /)
  })
})

/** A request as the edge (and wrangler dev) hands it over: the header rewritten, the client's own value in cf. */
const fromEdge = (url: string, client: string) =>
  new Request(url, { headers: { 'accept-encoding': 'br, gzip' }, cf: { clientAcceptEncoding: client } })

/** A path of every text type the Worker serves: those the front end decodes (HTML, RSS, JSON, JS, SVG) and not. */
const TEXT_PATHS = [
  '/feeds/all.rss',
  '/feeds/all.atom',
  '/feeds/all.json',
  '/feeds.opml',
  '/feeds.atom.opml',
  '/feeds.json.opml',
  '/',
  '/favicon.svg',
  '/widget.js',
  '/robots.txt',
]

describe('the coding decision per content type', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/rss+xml; charset=utf-8', true],
    ['application/json; charset=utf-8', true],
    ['text/javascript; charset=utf-8', true],
    ['image/svg+xml', true],
    ['application/atom+xml; charset=utf-8', true],
    ['application/feed+json; charset=utf-8', true],
    ['text/x-opml; charset=utf-8', true],
    ['application/activity+json', true],
    ['application/jrd+json', true],
    ['image/jpeg', false],
    ['image/png', false],
    ['image/x-icon', false],
  ])('%s is compressed: %s', (type, compressed) => {
    expect(isCompressible(type)).toBe(compressed)
  })

  it.each(['identity', '', 'gzip;q=0', 'br', 'identity, *;q=0'])(
    'sends every text type unencoded to a client whose own Accept-Encoding is "%s"',
    async (client) => {
      await seedArticle()
      await seedAllPage(buildAllPage({ count: 3 }))
      for (const path of TEXT_PATHS) {
        const res = await callWorker(fromEdge(`${ORIGIN}${path}`, client))
        expect(res.status, path).toBe(200)
        expect(res.headers.get('content-encoding'), path).toBeNull()
        expect(res.headers.get('vary'), path).toBe('Accept-Encoding')
        const bytes = new Uint8Array(await res.arrayBuffer())
        expect([bytes[0], bytes[1]], `${path}: gzip bytes`).not.toEqual([0x1f, 0x8b])
      }
    },
  )

  it('gzips every text type for a client that takes gzip', async () => {
    await seedArticle()
    await seedAllPage(buildAllPage({ count: 3 }))
    for (const path of TEXT_PATHS) {
      const res = await callWorker(fromEdge(`${ORIGIN}${path}`, 'gzip, deflate, br'))
      expect(res.headers.get('content-encoding'), path).toBe('gzip')
      expect((await gunzip(res)).length, path).toBeGreaterThan(0)
    }
  })

  it('answers from the isolate in the coding each client takes, not the coding of the first answer', async () => {
    await seedArticle()
    await seedAllPage(buildAllPage({ count: 3 }))
    for (const path of ['/feeds/all.atom', '/feeds/all.rss']) {
      const url = `${ORIGIN}${path}`
      const zipped = await callWorker(fromEdge(url, 'gzip'))
      expect(zipped.headers.get('content-encoding'), path).toBe('gzip')
      const text = await gunzip(zipped)
      for (const client of ['identity', 'gzip;q=0', '']) {
        const hit = await callWorker(fromEdge(url, client))
        expect(hit.headers.get('content-encoding'), `${path} ${client}`).toBeNull()
        expect(await hit.text(), `${path} ${client}`).toBe(text)
      }
      const again = await callWorker(fromEdge(url, 'gzip'))
      expect(await gunzip(again), path).toBe(text)
    }
  })

  it("answers a feed reader's revalidation from the isolate without reading request.cf; a 200 reads it", async () => {
    await seedArticle()
    await seedAllPage(buildAllPage({ count: 3 }))
    const url = `${ORIGIN}/feeds/all.rss`
    for (const client of ['gzip', 'identity']) {
      const first = await callWorker(fromEdge(url, client))
      await first.arrayBuffer()
      const etag = first.headers.get('etag') ?? ''
      let cfReads = 0
      const watch = (request: Request) =>
        new Proxy(request, {
          get(target, name) {
            if (name === 'cf') cfReads++
            const value = Reflect.get(target, name, target)
            return typeof value === 'function' ? value.bind(target) : value
          },
        })
      const revalidation = new Request(url, {
        headers: { 'accept-encoding': 'br, gzip', 'if-none-match': etag },
        cf: { clientAcceptEncoding: client },
      })
      const slot = isolateSlot(revalidation, env)
      if (slot === null) throw new Error('the isolate cache is off in wrangler.toml')
      const notModified = answerFromIsolate(watch(revalidation), slot)
      expect(notModified?.status, client).toBe(304)
      expect(notModified?.headers.get('etag'), client).toBe(etag)
      expect(cfReads, client).toBe(0)
      const hit = answerFromIsolate(watch(fromEdge(url, client)), slot)
      expect(hit?.status, client).toBe(200)
      expect(hit?.headers.get('content-encoding') ?? 'identity', client).toBe(client)
      expect(cfReads, client).toBe(1)
      await hit?.arrayBuffer()
    }
  })
})
