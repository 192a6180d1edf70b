import { describe, expect, it } from 'vitest'
import { buildArticle } from '../fixtures/build-article.ts'
import { pastFreshnessWindow } from './fresh-isolate.ts'
import { callWorker, ORIGIN, request, seedArticle } from './seed.ts'

const FEED = '/feeds/qijiang-strategic-pivot.atom'
/** The fixture article's `updated` (2020-12-22T10:15:00+08:00) as an HTTP date. */
const LAST_MODIFIED = 'Tue, 22 Dec 2020 02:15:00 GMT'

async function firstResponse(path = FEED, headers: HeadersInit = {}) {
  await seedArticle()
  const res = await request(path, { headers })
  await res.arrayBuffer()
  return res
}

describe('validators', () => {
  it('sends a strong ETag and Last-Modified from the article', async () => {
    const res = await firstResponse()
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{16}"$/)
    expect(res.headers.get('last-modified')).toBe(LAST_MODIFIED)
  })

  it('gives each format and each page its own ETag', async () => {
    await seedArticle()
    const tags = new Set<string | null>()
    for (const path of [FEED, '/feeds/qijiang-strategic-pivot.rss', '/feeds/qijiang-strategic-pivot.json'])
      tags.add((await request(path)).headers.get('etag'))
    tags.add((await request('/articles/qijiang-strategic-pivot')).headers.get('etag'))
    expect(tags.size).toBe(4)
  })

  it('changes the ETag when the content version changes', async () => {
    const before = (await firstResponse()).headers.get('etag')
    await seedArticle(buildArticle({ title: '綦江：新的标题' }))
    pastFreshnessWindow()
    expect((await request(FEED)).headers.get('etag')).not.toBe(before)
  })

  it('changes the ETag when the site configuration changes', async () => {
    await seedArticle()
    const a = await callWorker(new Request(`${ORIGIN}${FEED}`))
    const b = await callWorker(new Request(`${ORIGIN}${FEED}`), { SITE_TITLE: 'Another title' })
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'))
  })

  it('tags the gzip variant differently from the identity one', async () => {
    await seedArticle()
    const plain = await request(FEED, { headers: { 'accept-encoding': 'identity' } })
    const gzip = await request(FEED, { headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers.get('etag')).toBe(`${plain.headers.get('etag')?.slice(0, -1)}-gzip"`)
  })
})

describe('If-None-Match', () => {
  it('returns 304 with the same validators, caching headers and no body when it matches', async () => {
    const first = await firstResponse()
    const etag = first.headers.get('etag') ?? ''
    const res = await request(FEED, { headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
    expect(await res.text()).toBe('')
    for (const name of ['etag', 'last-modified', 'cache-control', 'vary', 'access-control-allow-origin'])
      expect(res.headers.get(name), name).toBe(first.headers.get(name))
    expect(res.headers.get('content-encoding')).toBeNull()
  })

  it('compares weakly: W/"tag" matches the strong tag', async () => {
    const etag = (await firstResponse()).headers.get('etag') ?? ''
    expect((await request(FEED, { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304)
  })

  it('matches any tag of a list', async () => {
    const etag = (await firstResponse()).headers.get('etag') ?? ''
    const list = `"other", W/"x,y", ${etag}`
    expect((await request(FEED, { headers: { 'if-none-match': list } })).status).toBe(304)
  })

  it('matches * when the resource exists', async () => {
    await seedArticle()
    expect((await request(FEED, { headers: { 'if-none-match': '*' } })).status).toBe(304)
  })

  it('answers 404, not 304, for * on a missing resource', async () => {
    expect((await request('/feeds/missing.atom', { headers: { 'if-none-match': '*' } })).status).toBe(404)
  })

  it('returns 200 with the body when no tag matches', async () => {
    await seedArticle()
    const res = await request(FEED, { headers: { 'if-none-match': '"stale"' } })
    expect(res.status).toBe(200)
    expect((await res.text()).length).toBeGreaterThan(100)
  })

  it('accepts the gzip variant tag from a client that now asks for identity', async () => {
    const gzipTag = (await firstResponse(FEED, { 'accept-encoding': 'gzip' })).headers.get('etag') ?? ''
    const res = await request(FEED, { headers: { 'if-none-match': gzipTag, 'accept-encoding': 'identity' } })
    expect(res.status).toBe(304)
  })

  it('wins over If-Modified-Since: a mismatched tag gets 200 even with a later date', async () => {
    await seedArticle()
    const headers = { 'if-none-match': '"stale"', 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' }
    expect((await request(FEED, { headers })).status).toBe(200)
  })

  it('answers 304 to a HEAD too', async () => {
    const etag = (await firstResponse()).headers.get('etag') ?? ''
    expect((await request(FEED, { method: 'HEAD', headers: { 'if-none-match': etag } })).status).toBe(304)
  })
})

describe('If-Modified-Since', () => {
  it.each([
    [LAST_MODIFIED, 304],
    ['Tue, 22 Dec 2020 02:15:01 GMT', 304],
    ['Tue, 22 Dec 2020 02:14:59 GMT', 200],
    ['not a date', 200],
  ])('with %s answers %i', async (since, status) => {
    await seedArticle()
    expect((await request(FEED, { headers: { 'if-modified-since': since } })).status).toBe(status)
  })
})
