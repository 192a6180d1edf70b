import { describe, expect, it } from 'vitest'
import { acceptsGzip, type CodingPolicy, codingPolicy } from '../../worker/http/compression.ts'
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

  it('decides from the Accept-Encoding header, not request.cf (the edge decodes gzip for clients that take none)', async () => {
    await seedArticle()
    // The edge rewrites the header to "br, gzip" whatever the client sent; the client's own value is only in cf.
    const edge = new Request(FEED, {
      headers: { 'accept-encoding': 'br, gzip' },
      cf: { clientAcceptEncoding: 'identity' },
    })
    const res = await callWorker(edge)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(await gunzip(res)).toMatch(/^<\?xml/)
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

/** A client-policy path of every type the front end passes through, and a front-end one of every type it decodes. */
const CLIENT_PATHS = [
  '/feeds/all.atom',
  '/feeds/all.json',
  '/feeds.opml',
  '/feeds.atom.opml',
  '/feeds.json.opml',
]
const FRONT_END_PATHS = ['/feeds/all.rss', '/', '/favicon.svg', '/widget.js']

describe('the coding decision per content type', () => {
  it.each([
    ['text/html; charset=utf-8', 'front-end'],
    ['application/rss+xml; charset=utf-8', 'front-end'],
    ['application/json; charset=utf-8', 'front-end'],
    ['text/javascript; charset=utf-8', 'front-end'],
    ['image/svg+xml', 'front-end'],
    ['application/atom+xml; charset=utf-8', 'client'],
    ['application/feed+json; charset=utf-8', 'client'],
    ['text/x-opml; charset=utf-8', 'client'],
    ['application/activity+json', 'client'],
    ['application/jrd+json', 'client'],
    ['image/jpeg', 'plain'],
    ['image/png', 'plain'],
    ['image/x-icon', 'plain'],
  ])('%s is decided by %s', (type, policy) => {
    expect(codingPolicy(type)).toBe(policy as CodingPolicy)
  })

  it('never reads request.cf for a type the front end decodes (the hot path), and reads it for the others', () => {
    let cfReads = 0
    const real = fromEdge(`${ORIGIN}/`, 'identity')
    const watched = new Proxy(real, {
      get(target, name) {
        if (name === 'cf') cfReads++
        const value = Reflect.get(target, name, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    expect(acceptsGzip(watched, 'front-end')).toBe(true)
    expect(cfReads).toBe(0)
    expect(acceptsGzip(watched, 'client')).toBe(false)
    expect(cfReads).toBe(1)
  })

  it.each(['identity', '', 'gzip;q=0', 'br', 'identity, *;q=0'])(
    'sends Atom, JSON Feed and OPML unencoded to a client whose own Accept-Encoding is "%s"',
    async (client) => {
      await seedArticle()
      await seedAllPage(buildAllPage({ count: 3 }))
      for (const path of CLIENT_PATHS) {
        const res = await callWorker(fromEdge(`${ORIGIN}${path}`, client))
        expect(res.status, path).toBe(200)
        expect(res.headers.get('content-encoding'), path).toBeNull()
        expect(res.headers.get('vary'), path).toBe('Accept-Encoding')
        expect(await res.text(), path).toMatch(/^(?:<\?xml|\{)/)
      }
    },
  )

  it('gzips Atom, JSON Feed and OPML for a client that takes gzip, and the front-end types whatever cf says', async () => {
    await seedArticle()
    await seedAllPage(buildAllPage({ count: 3 }))
    for (const path of CLIENT_PATHS) {
      const res = await callWorker(fromEdge(`${ORIGIN}${path}`, 'gzip, deflate, br'))
      expect(res.headers.get('content-encoding'), path).toBe('gzip')
      expect(await gunzip(res), path).toMatch(/^(?:<\?xml|\{)/)
    }
    for (const path of FRONT_END_PATHS) {
      const res = await callWorker(fromEdge(`${ORIGIN}${path}`, 'identity'))
      expect(res.headers.get('content-encoding'), path).toBe('gzip')
      await res.arrayBuffer()
    }
  })

  it('answers from the isolate in the coding each client takes, not the coding of the first answer', async () => {
    await seedArticle()
    await seedAllPage(buildAllPage({ count: 3 }))
    const url = `${ORIGIN}/feeds/all.atom`
    const zipped = await callWorker(fromEdge(url, 'gzip'))
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    const text = await gunzip(zipped)
    for (const client of ['identity', 'gzip;q=0', '']) {
      const hit = await callWorker(fromEdge(url, client))
      expect(hit.headers.get('content-encoding'), client).toBeNull()
      expect(await hit.text(), client).toBe(text)
    }
    const again = await callWorker(fromEdge(url, 'gzip'))
    expect(await gunzip(again)).toBe(text)
  })
})
