import { describe, expect, it } from 'vitest'
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
