/** /robots.txt, the sitemaps and the IndexNow key file through the Worker, with the request clock driven across times. */
import { reset } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SITEMAP_PART_BYTES, sitemapPieces } from '../../model/sitemap-pieces.ts'
import type { SitemapArticle } from '../../model/sitemap-values.ts'
import { editionKey, keys } from '../../model/store-keys.ts'
import { setClock } from '../../worker/clock.ts'
import { dropIsolateCache } from '../../worker/http/isolate-cache.ts'
import { liftedPageUrls } from '../../worker/scheduled.ts'
import { callWorker, ORIGIN, request } from './seed.ts'

const LIFT = '2026-11-28T08:00:00+08:00'
const liftMs = Date.parse(LIFT)

const article = (n: number, slug: string, published: string): SitemapArticle => ({
  n,
  slug,
  published,
  updated: published,
  sections: [{ id: 'first', updated: published }],
  images: [`/media/${'a'.repeat(32)}.jpg`],
})

/** Stores a part and the index as publish writes them: one article live, one embargoed until LIFT. */
async function seedSitemaps() {
  const part = {
    version: 'part-v1',
    page: 1,
    articles: [article(0, 'live-one', '2026-11-27T08:00:00+08:00'), article(1, 'tomorrow-8am', LIFT)],
  }
  const index = {
    version: 'index-v1',
    parts: [
      {
        page: 1,
        count: 2,
        updated: '2026-11-27T08:00:00+08:00',
        scheduled: [{ slug: 'tomorrow-8am', published: LIFT, updated: LIFT }],
      },
    ],
    news: [
      { slug: 'tomorrow-8am', title: '明早八点', lang: 'zh-CN', published: LIFT },
      { slug: 'live-one', title: '已发布 & 标题', lang: 'zh-CN', published: '2026-11-27T08:00:00+08:00' },
    ],
  }
  await env.CONTENT.put(keys.sitemapPart(1), JSON.stringify(part), { metadata: { h: part.version } })
  await env.CONTENT.put(keys.sitemapIndex(), JSON.stringify(index), { metadata: { h: index.version } })
}

beforeEach(async () => {
  await reset()
  await seedSitemaps()
})
afterEach(() => setClock(() => Date.now()))

describe('GET /robots.txt', () => {
  it("allows everything and names both editions' sitemap indexes by absolute URL, as plain text", async () => {
    const res = await request('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\nSitemap: ${ORIGIN}/zh-tw/sitemap.xml\n`,
    )
  })

  it('names PUBLIC_BASE_URL when it is set', async () => {
    const res = await callWorker(new Request(`${ORIGIN}/robots.txt`), {
      PUBLIC_BASE_URL: 'https://news.example.com',
    })
    expect(await res.text()).toContain('Sitemap: https://news.example.com/sitemap.xml\n')
  })
})

describe('the sitemaps across an embargo', () => {
  it('leave the embargoed article out before its time and list it from that second, with no publish between', async () => {
    setClock(() => liftMs - 1000)
    const part = await (await request('/sitemaps/articles-1.xml')).text()
    expect(part).toContain(`<loc>${ORIGIN}/articles/live-one</loc>`)
    expect(part).not.toContain('tomorrow-8am')
    const news = await (await request('/sitemaps/news.xml')).text()
    expect(news).not.toContain('tomorrow-8am')
    expect(news).toContain('<news:title>已发布 &amp; 标题</news:title>')
    const index = await (await request('/sitemap.xml')).text()
    expect(index).toContain('<lastmod>2026-11-27T08:00:00+08:00</lastmod>')

    setClock(() => liftMs)
    const after = await (await request('/sitemaps/articles-1.xml')).text()
    expect(after).toContain(`<loc>${ORIGIN}/articles/tomorrow-8am</loc>`)
    expect(after).toContain(`<loc>${ORIGIN}/articles/tomorrow-8am/first</loc>`)
    expect(await (await request('/sitemaps/news.xml')).text()).toContain('tomorrow-8am')
    expect(await (await request('/sitemap.xml')).text()).toContain(
      `<sitemap><loc>${ORIGIN}/sitemaps/articles-1.xml</loc><lastmod>${LIFT}</lastmod></sitemap>`,
    )
  })

  it('changes the ETag when the embargo lifts, so caches do not keep the old list', async () => {
    setClock(() => liftMs - 1000)
    const before = (await request('/sitemaps/articles-1.xml')).headers.get('etag')
    setClock(() => liftMs)
    const after = (await request('/sitemaps/articles-1.xml')).headers.get('etag')
    expect(before).not.toBeNull()
    expect(after).not.toBe(before)
  })

  it('drops an article from the news sitemap 48 hours after its publication', async () => {
    setClock(() => Date.parse('2026-11-29T07:59:59+08:00'))
    const inside = await (await request('/sitemaps/news.xml')).text()
    expect(inside).toContain('/articles/live-one')
    setClock(() => Date.parse('2026-11-29T08:00:00+08:00'))
    const outside = await (await request('/sitemaps/news.xml')).text()
    expect(outside).not.toContain('/articles/live-one')
    expect(outside).toContain('/articles/tomorrow-8am')
  })

  it('serves every sitemap as application/xml with validators and gzip', async () => {
    for (const path of ['/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml']) {
      const res = await callWorker(
        new Request(`${ORIGIN}${path}`, { headers: { 'accept-encoding': 'gzip' } }),
      )
      expect([path, res.status, res.headers.get('content-type')]).toEqual([
        path,
        200,
        'application/xml; charset=utf-8',
      ])
      expect(res.headers.get('content-encoding')).toBe('gzip')
      const etag = res.headers.get('etag') ?? ''
      const again = await callWorker(
        new Request(`${ORIGIN}${path}`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } }),
      )
      expect([path, again.status]).toEqual([path, 304])
    }
  })

  it('answers 404 for a part that was never written or a name outside the contract, without a KV read', async () => {
    for (const path of ['/sitemaps/articles-2.xml', '/sitemaps/articles-0.xml', '/sitemaps/other.xml'])
      expect([path, (await request(path)).status]).toEqual([path, 404])
  })
})

describe('an article sitemap part too long for one document', () => {
  const published = '2026-11-27T08:00:00+08:00'
  /** The 50 slots of part 2, each article with 40 section pages and 60 photos: about 1 MB as one document. */
  const long = Array.from({ length: 50 }, (_, i) => ({
    ...article(50 + i, `long-${i}`, published),
    sections: Array.from({ length: 40 }, (_, s) => ({
      id: `section-${'x'.repeat(60)}-${s}`,
      updated: published,
    })),
    images: Array.from({ length: 60 }, (_, p) => `/media/${String(i * 100 + p).padStart(32, '0')}.jpg`),
  }))
  const pieces = sitemapPieces(long)

  beforeEach(async () => {
    const part = { version: 'part2-v1', page: 2, articles: long }
    const index = {
      version: 'index-v2',
      parts: pieces.map((p, i) => ({
        page: 2,
        piece: i + 1,
        count: p.length,
        updated: published,
        scheduled: [],
      })),
      news: [],
    }
    await env.CONTENT.put(keys.sitemapPart(2), JSON.stringify(part), { metadata: { h: part.version } })
    await env.CONTENT.put(keys.sitemapIndex(), JSON.stringify(index), { metadata: { h: index.version } })
  })

  it('serves every piece the index lists within 200 KB, together every page of the part once, in slot order', async () => {
    expect(pieces.length).toBeGreaterThan(4)
    const listed = [...(await (await request('/sitemap.xml')).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => m[1],
    )
    expect(listed).toEqual(
      pieces.map((_, i) => `${ORIGIN}/sitemaps/articles-2${i === 0 ? '' : `-${i + 1}`}.xml`),
    )
    const pages: string[] = []
    for (const url of listed) {
      const res = await callWorker(new Request(url ?? ''))
      const xml = await res.text()
      expect([url, res.status, Buffer.byteLength(xml) <= SITEMAP_PART_BYTES]).toEqual([url, 200, true])
      pages.push(...[...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? ''))
    }
    expect(pages).toEqual(
      long
        .flatMap((a) => [a.slug, ...a.sections.map((s) => `${a.slug}/${s.id}`)])
        .map((p) => `${ORIGIN}/articles/${p}`),
    )
  })

  it('answers 404 for a piece past the last, a piece 1 named as such and a piece that is not a number', async () => {
    for (const path of [
      `/sitemaps/articles-2-${pieces.length + 1}.xml`,
      '/sitemaps/articles-2-1.xml',
      '/sitemaps/articles-2-x.xml',
      '/sitemaps/articles-2-2-2.xml',
    ])
      expect([path, (await request(path)).status]).toEqual([path, 404])
  })
})

describe('GET /{key}.txt', () => {
  it('answers the configured IndexNow key as plain text, and 404 for any other name or when none is set', async () => {
    const vars = { INDEXNOW_KEY: 'a1b2c3d4e5f6a7b8' }
    const res = await callWorker(new Request(`${ORIGIN}/a1b2c3d4e5f6a7b8.txt`), vars)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe('a1b2c3d4e5f6a7b8')
    expect((await callWorker(new Request(`${ORIGIN}/b1b2c3d4e5f6a7b8.txt`), vars)).status).toBe(404)
    dropIsolateCache()
    expect((await request('/a1b2c3d4e5f6a7b8.txt')).status).toBe(404)
  })
})

describe('scheduled: pages to tell search engines about after an embargo', () => {
  it("names the article's page and section pages in the one run whose period holds the lift", async () => {
    const config = { ...env, PUBLIC_BASE_URL: 'https://news.example.com' }
    const period = 5 * 60_000
    const named = await Promise.all(
      [liftMs - period, liftMs, liftMs + period].map((t) => liftedPageUrls(config, t, '*/5 * * * *')),
    )
    expect(named).toEqual([
      [],
      [
        'https://news.example.com/articles/tomorrow-8am',
        'https://news.example.com/articles/tomorrow-8am/first',
      ],
      [],
    ])
  })

  it('names nothing without a canonical base URL', async () => {
    expect(await liftedPageUrls(env, liftMs, '*/5 * * * *')).toEqual([])
  })

  it("names the zh-tw edition's pages too, from the edition's own sitemap values, once publish wrote them", async () => {
    const config = { ...env, PUBLIC_BASE_URL: 'https://news.example.com' }
    for (const key of [keys.sitemapPart(1), keys.sitemapIndex()]) {
      const { value, metadata } = await env.CONTENT.getWithMetadata(key)
      await env.CONTENT.put(editionKey(key, 'hant'), value ?? '', { metadata })
    }
    expect(await liftedPageUrls(config, liftMs, '*/5 * * * *')).toEqual([
      'https://news.example.com/articles/tomorrow-8am',
      'https://news.example.com/articles/tomorrow-8am/first',
      'https://news.example.com/zh-tw/articles/tomorrow-8am',
      'https://news.example.com/zh-tw/articles/tomorrow-8am/first',
    ])
  })
})
