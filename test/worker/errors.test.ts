import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import type { FeedLogItem } from '../../model/store-values.ts'
import { apiPaths } from '../../worker/http/api-paths.ts'
import { routes } from '../../worker/routes.ts'
import { buildAllPage, buildArticle } from '../fixtures/build-article.ts'
import { pastFreshnessWindow } from './fresh-isolate.ts'
import { tokenize } from './html-tokens.ts'
import { request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

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

describe("which errors are problems: the route table's cors flag", () => {
  it.each(['/feeds.opml', '/feeds.atom.opml', '/feeds.json.opml'])(
    'answers a broken %s with a problem body and CORS, as the route is a CORS route',
    async (path) => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      await env.CONTENT.put(keys.indexHead(), '{"version":"x","updated":null,"articles":')
      const res = await request(path)
      expect(res.status).toBe(503)
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(await res.json()).toMatchObject({ status: 503, instance: path })
    },
  )

  it('makes every CORS route an API path, under its fixed start too, and no other route', () => {
    const isApi = apiPaths(routes)
    const filled = (path: string) => path.replace(/:(\w+)/g, 'x')
    for (const route of routes) expect(isApi(filled(route.path)), route.path).toBe(route.cors)
    expect(isApi('/feeds/unknown.xyz')).toBe(true)
    expect(isApi('/media/nothing-here')).toBe(true)
    expect(isApi('/articles/x/y/z')).toBe(false)
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
    await env.CONTENT.put(keys.article('broken'), raw)

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
      /^503 \/feeds\/broken\.atom: corrupt KV value v2:article:broken: /,
    )
    expect(String(log.mock.calls[0]?.[0])).not.toContain('\n')
  })

  it('replacing a served article with a corrupt value gives 503 once the freshness window has passed, with or without a new hash', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await seedArticle(buildArticle({ slug: 'soon-broken' }))
    expect((await request('/feeds/soon-broken.rss')).status).toBe(200)
    await env.CONTENT.put(keys.article('soon-broken'), '{}', { metadata: { h: 'new-hash' } })
    pastFreshnessWindow()
    expect((await request('/feeds/soon-broken.rss')).status).toBe(503)
    await env.CONTENT.put(keys.article('soon-broken'), '{}')
    expect((await request('/feeds/soon-broken.rss')).status).toBe(503)
  })

  it('gives an HTML 503 on the article page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await env.CONTENT.put(keys.article('broken'), 'nope')
    const res = await request('/articles/broken')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('in the article list breaks the home page and the OPML, not the articles', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const article = buildArticle()
    await seedArticle(article)
    await env.CONTENT.put(keys.indexHead(), '{"version":"x","updated":null,"articles":')
    expect((await request('/')).status).toBe(503)
    expect((await request('/feeds.opml')).status).toBe(503)
    expect((await request(`/articles/${article.slug}`)).status).toBe(200)
  })

  it('drops one unusable entry of the article list (one log line), never the whole page', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const good = buildArticle()
    const head = await seedIndex([good])
    const bad = {
      ...head.articles[0],
      slug: 'year-ten-thousand',
      published: '10000-01-01T00:00:00+00:00',
      n: 1,
    }
    await env.CONTENT.put(
      keys.indexHead(),
      JSON.stringify({ ...head, version: 'y', articles: [{}, ...head.articles, bad] }),
    )
    const home = await request('/')
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).toContain(good.title)
    expect(html).not.toContain('year-ten-thousand')
    expect((await request('/feeds.opml')).status).toBe(200)
    expect(log.mock.calls.filter(([l]) => String(l).startsWith('dropped an unusable entry'))).toHaveLength(4)
  })

  it('drops one unusable item of the "all" feed, never the whole feed', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const page = await seedAllPage(buildAllPage({ count: 2 }))
    const [first, second] = page.entries
    const broken = {
      ...second,
      section: { ...(second as FeedLogItem).section, updated: '9999-13-40T99:00:00+08:00' },
    }
    await env.CONTENT.put(
      keys.feedHead(),
      JSON.stringify({ version: 'z', updated: null, archived: 0, next: 2, items: [first, broken] }),
    )
    for (const format of ['rss', 'atom', 'json']) {
      const res = await request(`/feeds/all.${format}`)
      expect(res.status).toBe(200)
      const body = await res.text()
      expect(body).toContain('第2节')
      expect(body).not.toContain('第1节')
    }
  })

  it('for media without a type in its metadata gives 503', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await env.CONTENT.put(keys.media(`${'f'.repeat(32)}.png`), 'png')
    expect((await request(`/media/${'f'.repeat(32)}.png`)).status).toBe(503)
  })
})
