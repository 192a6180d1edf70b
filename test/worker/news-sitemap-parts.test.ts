/**
 * The Google News sitemap of a busy newsroom through the Worker: 1,000 articles of long titles in 48 hours are
 * served as parts of at most 200 KB each, all listed in the sitemap index, together exactly the window by the
 * request's clock, embargoed articles left out, in both editions.
 */
import { reset } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EDITIONS, type EditionName } from '../../model/edition.ts'
import type { NewsArticle } from '../../model/sitemap-values.ts'
import { editionKey, keys } from '../../model/store-keys.ts'
import { setClock } from '../../worker/clock.ts'
import { ORIGIN, request } from './seed.ts'

const HOUR = 3_600_000
/** The request clock: the newest article is published then, an embargoed one half an hour later. */
const NOW = Date.parse('2026-11-28T08:00:00+08:00')
const LIFT = NOW + HOUR / 2

/** RFC 3339 in China Standard Time, as editors write it. */
const cst = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`

/** 1,000 articles 170 s apart (47.2 hours), newest first, each title 200 characters; one embargoed on top. */
function recent(edition: EditionName): NewsArticle[] {
  const lang = EDITIONS[edition].lang
  const title = edition === 'hans' ? '綦江区' : '綦江區'
  const embargoed = { slug: 'at-830', title: '八点半', lang, published: cst(LIFT) }
  return [
    embargoed,
    ...Array.from({ length: 1000 }, (_, i) => ({
      slug: `busy-${String(i).padStart(4, '0')}-${'x'.repeat(60)}`,
      title: `${title}新闻 ${i} & “引号”`.padEnd(200, '长'),
      lang,
      published: cst(NOW - i * 170_000),
    })),
  ]
}

beforeAll(async () => {
  await reset()
  for (const edition of ['hans', 'hant'] as const) {
    const index = { version: `index-${edition}`, parts: [], news: recent(edition) }
    await env.CONTENT.put(editionKey(keys.sitemapIndex(), edition), JSON.stringify(index), {
      metadata: { h: index.version },
    })
  }
})
afterEach(() => setClock(() => Date.now()))

/** The news sitemaps the index lists, fetched: each one's URL, bytes and article URLs. */
async function newsParts(prefix: string) {
  const index = await (await request(`${prefix}/sitemap.xml`)).text()
  const locs = [...index.matchAll(/<loc>([^<]*\/sitemaps\/news[^<]*)<\/loc>/g)].map((m) => m[1] ?? '')
  return Promise.all(
    locs.map(async (loc) => {
      const res = await request(loc.slice(ORIGIN.length))
      expect([loc, res.status]).toEqual([loc, 200])
      const body = new Uint8Array(await res.arrayBuffer())
      const xml = new TextDecoder().decode(body)
      return {
        loc,
        bytes: body.byteLength,
        xml,
        urls: [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]),
      }
    }),
  )
}

for (const [edition, prefix, language] of [
  ['hans', '', 'zh-cn'],
  ['hant', '/zh-tw', 'zh-tw'],
] as const)
  describe(`${prefix || '/'} news sitemaps at 1,000 articles in 48 hours`, () => {
    const expected = (from: number, to: number) =>
      recent(edition)
        .slice(1 + from, 1 + to)
        .map((a) => `${ORIGIN}${prefix}/articles/${a.slug}`)

    it('lists news.xml and news-2.xml… in the index, each at most 200 KB and 1,000 URLs, together every live article once', async () => {
      setClock(() => NOW)
      const parts = await newsParts(prefix)
      expect(parts.length).toBeGreaterThan(1)
      expect(parts.map((p) => p.loc)).toEqual(
        parts.map((_, i) => `${ORIGIN}${prefix}/sitemaps/${i === 0 ? 'news' : `news-${i + 1}`}.xml`),
      )
      for (const p of parts) {
        expect([p.loc, p.bytes <= 200_000]).toEqual([p.loc, true])
        expect(p.urls.length).toBeLessThanOrEqual(1000)
        expect(p.xml).toContain(`<news:language>${language}</news:language>`)
      }
      expect(parts.flatMap((p) => p.urls)).toEqual(expected(0, 1000))
    })

    it('holds exactly the last 48 hours by the request clock, and the embargoed article from its time', async () => {
      setClock(() => LIFT - 1000)
      const before = (await newsParts(prefix)).flatMap((p) => p.urls)
      expect(before).toEqual(expected(0, 1000))
      // 48 h after article 100's publication: it and everything older have left the window.
      setClock(() => NOW - 100 * 170_000 + 48 * HOUR)
      const later = (await newsParts(prefix)).flatMap((p) => p.urls)
      expect(later).toEqual([`${ORIGIN}${prefix}/articles/at-830`, ...expected(0, 100)])
    })

    it('answers 404 for a part beyond the last and for news-1.xml (part 1 is news.xml)', async () => {
      setClock(() => NOW)
      const count = (await newsParts(prefix)).length
      for (const path of [`${prefix}/sitemaps/news-${count + 1}.xml`, `${prefix}/sitemaps/news-1.xml`])
        expect([path, (await request(path)).status]).toEqual([path, 404])
    })
  })
