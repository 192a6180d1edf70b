import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { buildAllPage, buildArticle } from '../fixtures/build-article.ts'
import { request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'

beforeEach(async () => {
  const article = buildArticle()
  await seedArticle(article)
  await seedIndex([article])
  await seedAllPage(buildAllPage())
  await seedAllPage(buildAllPage({ archive: 2 }))
  await env.CONTENT.put(keys.media(`${'a'.repeat(32)}.png`), new Uint8Array([137, 80, 78, 71]), {
    metadata: { type: 'image/png' },
  })
})

const CONTRACT: [path: string, contentType: string][] = [
  ['/', 'text/html; charset=utf-8'],
  [`/articles/${SLUG}`, 'text/html; charset=utf-8'],
  [`/articles/${SLUG}/wanqi-integration`, 'text/html; charset=utf-8'],
  ['/feeds.opml', 'text/x-opml; charset=utf-8'],
  ['/feeds.atom.opml', 'text/x-opml; charset=utf-8'],
  ['/feeds.json.opml', 'text/x-opml; charset=utf-8'],
  [`/feeds/${SLUG}.rss`, 'application/rss+xml; charset=utf-8'],
  [`/feeds/${SLUG}.atom`, 'application/atom+xml; charset=utf-8'],
  [`/feeds/${SLUG}.json`, 'application/feed+json; charset=utf-8'],
  ['/feeds/all.rss', 'application/rss+xml; charset=utf-8'],
  ['/feeds/all.atom', 'application/atom+xml; charset=utf-8'],
  ['/feeds/all.json', 'application/feed+json; charset=utf-8'],
  ['/feeds/all.json?archive=2', 'application/feed+json; charset=utf-8'],
  [`/media/${'a'.repeat(32)}.png`, 'image/png'],
  ['/favicon.svg', 'image/svg+xml'],
  [
    `/oembed?url=${encodeURIComponent(`http://broadsheet.test/articles/${SLUG}`)}&format=json`,
    'application/json; charset=utf-8',
  ],
]

describe('the URL contract', () => {
  it.each(CONTRACT)('GET %s answers 200 with %s', async (path, type) => {
    const res = await request(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0)
  })

  it.each(CONTRACT)('HEAD %s sends the GET headers and no body', async (path) => {
    const get = await request(path)
    await get.arrayBuffer()
    const head = await request(path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    for (const name of [
      'content-type',
      'etag',
      'last-modified',
      'cache-control',
      'vary',
      'access-control-allow-origin',
    ])
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
    expect(await head.text()).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const res = await request(`/feeds/${SLUG}.rss`, { method, body: method === 'DELETE' ? null : 'x' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  })

  it('answers 405 on pages too, with an HTML body', async () => {
    const res = await request('/', { method: 'POST', body: 'x' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })
})

describe('paths outside the contract', () => {
  it.each([
    '/nope',
    '/feeds',
    '/feeds/',
    '/feeds/qijiang-strategic-pivot.xml',
    '/feeds/Qijiang.rss',
    '/feeds/qijiang%2Fx.rss',
    '/feeds/..%2Fv2:index:head.rss',
    `/feeds/${'a'.repeat(81)}.rss`,
    '/feeds/-lead.rss',
    '/articles/QIJIANG',
    '/articles/a%2e%2e',
    `/articles/${SLUG}/`,
    `/articles/${SLUG}/x`,
    '/articles/%E7%B6%A6',
    '/articles/%ZZ',
    '/media/abc.png',
    `/media/${'a'.repeat(32)}.html`,
    `/media/${'b'.repeat(32)}.png`,
    '/feeds/missing-article.rss',
  ])('answers 404 for %s', async (path) => {
    const res = await request(path)
    expect(res.status).toBe(404)
  })

  it.each(['1', '2', '3'])(
    'redirects the retired ?page=%s to the subscription URL with 301',
    async (page) => {
      const res = await request(`/feeds/all.atom?page=${page}`, { redirect: 'manual' })
      expect(res.status).toBe(301)
      expect(res.headers.get('location')).toBe('http://broadsheet.test/feeds/all.atom')
    },
  )

  it.each(['0', '-1', '2.0', 'abc', '02', '99999999'])('answers 404 for ?archive=%s', async (page) => {
    expect((await request(`/feeds/all.rss?archive=${page}`)).status).toBe(404)
  })

  it('answers 404 when archive is given twice or with another parameter', async () => {
    expect((await request('/feeds/all.rss?archive=2&archive=2')).status).toBe(404)
    expect((await request('/feeds/all.rss?archive=2&x=1')).status).toBe(404)
  })

  it('redirects an archive page that is still filling to the current document, temporarily', async () => {
    const res = await request('/feeds/all.rss?archive=3', { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('http://broadsheet.test/feeds/all.rss')
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('serves a complete archive page with an immutable lifetime', async () => {
    const res = await request('/feeds/all.atom?archive=2')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toMatch(/immutable/)
  })

  it('answers 414 for a query string over 2 KB', async () => {
    const res = await request(`/feeds/all.rss?x=${'a'.repeat(2100)}`)
    expect(res.status).toBe(414)
  })

  it('answers 431 for headers over 16 KB', async () => {
    const headers = new Headers()
    for (let i = 0; i < 20; i++) headers.set(`x-filler-${i}`, 'a'.repeat(1000))
    const res = await request('/', { headers })
    expect(res.status).toBe(431)
  })
})
