import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildArticle } from '../fixtures/build-article.ts'
import { pastFreshnessWindow } from './fresh-isolate.ts'
import { tokenize } from './html-tokens.ts'
import { request, seedArticle, seedIndex } from './seed.ts'

afterEach(() => vi.restoreAllMocks())

describe('problem+json on API paths', () => {
  it('describes a missing feed with every RFC 9457 member', async () => {
    const res = await request('/feeds/no-such-article.rss')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(await res.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Nothing is published at this address.',
      instance: '/feeds/no-such-article.rss',
    })
  })

  it.each([
    '/oembed?url=http://broadsheet.test/articles/nope',
    `/media/${'e'.repeat(32)}.png`,
    '/feeds/x%3Cscript%3E.json',
  ])('answers %s with a problem body', async (path) => {
    const res = await request(path)
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    const body: unknown = await res.json()
    expect(body).toMatchObject({ status: res.status, type: 'about:blank' })
  })
})

describe('HTML errors elsewhere', () => {
  it('renders a small escaped page with the page security headers', async () => {
    const res = await request('/no/<script>alert(1)</script>')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const tokens = tokenize(await res.text())
    expect(tokens.filter((t) => t.kind === 'start' && t.name === 'script')).toEqual([])
  })
})

describe('a corrupt KV value', () => {
  it.each([
    ['not JSON', '{"version": '],
    ['the wrong shape', JSON.stringify({ version: 'x', article: { slug: 'broken' } })],
    ['a foreign value', JSON.stringify([1, 2, 3])],
  ])('holding %s gives 503 for that article only, while another still serves', async (_, raw) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    await seedArticle(buildArticle({ slug: 'healthy' }))
    await env.CONTENT.put('v1:article:broken', raw)

    const broken = await request('/feeds/broken.atom')
    expect(broken.status).toBe(503)
    expect(broken.headers.get('retry-after')).toBe('60')
    const problem = await broken.text()
    expect(JSON.parse(problem)).toMatchObject({ status: 503, title: 'Service Unavailable' })
    expect(problem).not.toMatch(/at \w+ \(|\.ts:\d+/)

    expect((await request('/feeds/healthy.atom')).status).toBe(200)
    expect((await request('/articles/healthy')).status).toBe(200)
    expect(log).toHaveBeenCalledTimes(1)
    expect(String(log.mock.calls[0]?.[0])).toMatch(
      /^503 \/feeds\/broken\.atom: corrupt KV value v1:article:broken: /,
    )
    expect(String(log.mock.calls[0]?.[0])).not.toContain('\n')
  })

  it('replacing a served article with a corrupt value gives 503 once the freshness window has passed, with or without a new hash', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await seedArticle(buildArticle({ slug: 'soon-broken' }))
    expect((await request('/feeds/soon-broken.rss')).status).toBe(200)
    await env.CONTENT.put('v1:article:soon-broken', '{}', { metadata: { h: 'new-hash' } })
    pastFreshnessWindow()
    expect((await request('/feeds/soon-broken.rss')).status).toBe(503)
    await env.CONTENT.put('v1:article:soon-broken', '{}')
    expect((await request('/feeds/soon-broken.rss')).status).toBe(503)
  })

  it('gives an HTML 503 on the article page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await env.CONTENT.put('v1:article:broken', 'nope')
    const res = await request('/articles/broken')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('in the index breaks the home page and the OPML, not the articles', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const article = buildArticle()
    await seedArticle(article)
    await seedIndex([article])
    await env.CONTENT.put('v1:index', '{"version":"x","updated":null,"articles":[{}]}')
    expect((await request('/')).status).toBe(503)
    expect((await request('/feeds.opml')).status).toBe(503)
    expect((await request(`/articles/${article.slug}`)).status).toBe(200)
  })

  it('for media without a type in its metadata gives 503', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await env.CONTENT.put(`v1:media:${'f'.repeat(32)}.png`, 'png')
    expect((await request(`/media/${'f'.repeat(32)}.png`)).status).toBe(503)
  })
})
