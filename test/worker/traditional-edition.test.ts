/** The Traditional (zh-TW) edition through the Worker: `/zh-tw/…` serves publish's converted values, linked both ways. */
import { beforeAll, describe, expect, it } from 'vitest'
import { tokenize } from './html-tokens.ts'
import { ORIGIN, request, seedPublished } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'

beforeAll(async () => {
  await seedPublished()
})

/** Every `<link>` and `<a>` start tag's attributes, and the `<html>` tag's. */
async function page(path: string) {
  const res = await request(path)
  expect(res.status, path).toBe(200)
  const html = await res.text()
  const tags = tokenize(html).flatMap((t) => (t.kind === 'start' ? [t] : []))
  return {
    html,
    lang: tags.find((t) => t.name === 'html')?.attrs.lang,
    hreflang: Object.fromEntries(
      tags
        .filter((t) => t.name === 'link' && t.attrs.rel === 'alternate' && t.attrs.hreflang !== undefined)
        .map((t) => [t.attrs.hreflang, t.attrs.href]),
    ),
    anchors: tags.filter((t) => t.name === 'a').map((t) => t.attrs),
  }
}

describe('GET /zh-tw/articles/:slug', () => {
  it("serves the article in Traditional script with the glossary's names, marked zh-Hant-TW", async () => {
    const p = await page(`/zh-tw/articles/${SLUG}`)
    expect(p.lang).toBe('zh-Hant-TW')
    expect(p.html).toContain('一個主城都市區的重要戰略支點')
    expect(p.html).toMatch(/記者 (<a [^>]*>)?劉柳吟/)
    for (const name of ['綦江', '萬盛', '石亮']) expect(p.html).toContain(name)
    expect(p.html).not.toContain('战略')
    expect(p.html).toContain('"inLanguage":"zh-Hant-TW"')
  })

  it('keeps photos on the shared /media/ path', async () => {
    const { html } = await page(`/zh-tw/articles/${SLUG}`)
    expect(html).toMatch(new RegExp(`src="${ORIGIN}/media/[0-9a-f]{32}\\.`))
    expect(html).not.toContain('/zh-tw/media/')
  })
})

describe('the script switch and hreflang alternates', () => {
  const PAIRS = [
    ['/', '/zh-tw/'],
    [`/articles/${SLUG}`, `/zh-tw/articles/${SLUG}`],
    [`/articles/${SLUG}/wanqi-integration`, `/zh-tw/articles/${SLUG}/wanqi-integration`],
    ['/topics', '/zh-tw/topics'],
    ['/topics/qijiang', '/zh-tw/topics/qijiang'],
    ['/people', '/zh-tw/people'],
    ['/people/shi-liang', '/zh-tw/people/shi-liang'],
  ] as const

  it('links every page pair to each other, with x-default the Simplified original', async () => {
    for (const [hans, hant] of PAIRS) {
      const expected = {
        'zh-Hans-CN': `${ORIGIN}${hans}`,
        'zh-Hant-TW': `${ORIGIN}${hant}`,
        'x-default': `${ORIGIN}${hans}`,
      }
      expect((await page(hans)).hreflang, hans).toEqual(expected)
      expect((await page(hant)).hreflang, hant).toEqual(expected)
    }
  })

  it('shows a visible switch to the other script on every page', async () => {
    for (const [hans, hant] of PAIRS) {
      const simplified = await page(hans)
      expect(simplified.anchors).toContainEqual({
        href: `${ORIGIN}${hant}`,
        hreflang: 'zh-Hant-TW',
        lang: 'zh-Hant-TW',
      })
      expect(simplified.html).toContain('<span lang="zh-Hans-CN" aria-current="true">简</span>')
      const traditional = await page(hant)
      expect(traditional.lang).toBe('zh-Hant-TW')
      expect(traditional.anchors).toContainEqual({
        href: `${ORIGIN}${hans}`,
        hreflang: 'zh-Hans-CN',
        lang: 'zh-Hans-CN',
      })
      expect(traditional.html).toContain('<span lang="zh-Hant-TW" aria-current="true">繁</span>')
    }
  })

  it("sends /zh-tw to the edition's home page /zh-tw/", async () => {
    const res = await request('/zh-tw', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`${ORIGIN}/zh-tw/`)
  })

  it("writes the home page's UI in Traditional script", async () => {
    const { html } = await page('/zh-tw/')
    expect(html).toContain('全部文章訂閱')
    expect(html).toContain(`href="${ORIGIN}/zh-tw/feeds/all.rss"`)
    expect(html).toContain(`src="${ORIGIN}/widget.js"`)
  })
})

describe('GET /zh-tw/feeds/…', () => {
  it('gives the all feed its own language, ids and links', async () => {
    const [hans, hant] = await Promise.all(
      ['/feeds/all.json', '/zh-tw/feeds/all.json'].map(async (p) => (await request(p)).json()),
    )
    const feed = hant as {
      language: string
      home_page_url: string
      feed_url: string
      items: { id: string; url: string; title: string }[]
    }
    expect(feed.language).toBe('zh-TW')
    expect(feed.home_page_url).toBe(`${ORIGIN}/zh-tw/`)
    expect(feed.feed_url).toBe(`${ORIGIN}/zh-tw/feeds/all.json`)
    const originalIds = new Set((hans as typeof feed).items.map((i) => i.id))
    expect(feed.items.length).toBe((hans as typeof feed).items.length)
    for (const item of feed.items) {
      expect(originalIds.has(item.id), item.id).toBe(false)
      expect(item.id).toMatch(/^tag:broadsheet,\d{4}:zh-tw\//)
      expect(item.url.startsWith(`${ORIGIN}/zh-tw/articles/`)).toBe(true)
    }
  })

  it('serves RSS with language zh-TW and guids of its own', async () => {
    const rss = await (await request(`/zh-tw/feeds/${SLUG}.rss`)).text()
    expect(rss).toContain('<language>zh-TW</language>')
    expect(rss).toContain(`<guid isPermaLink="false">tag:broadsheet,2020:zh-tw/${SLUG}/`)
    expect(rss).toContain('記者 石亮 攝')
  })

  it('serves topic and person feeds, titled in Traditional script', async () => {
    const topic = (await (await request('/zh-tw/feeds/topics/qijiang.json')).json()) as {
      title: string
      language: string
    }
    expect(topic.title).toMatch(/^話題：綦江/)
    expect(topic.language).toBe('zh-TW')
    const person = await (await request('/zh-tw/feeds/people/liu-liuyin.atom')).text()
    expect(person).toContain('劉柳吟的報導與攝影')
  })

  it("lists the edition's feeds in its OPML", async () => {
    const opml = await (await request('/zh-tw/feeds.opml')).text()
    expect(opml).toContain(`xmlUrl="${ORIGIN}/zh-tw/feeds/${SLUG}.rss"`)
    expect(opml).not.toContain(`xmlUrl="${ORIGIN}/feeds/`)
  })
})

describe('GET /zh-tw/oembed', () => {
  it("answers for the edition's article URLs with a card of the edition's feed", async () => {
    const target = encodeURIComponent(`${ORIGIN}/zh-tw/articles/${SLUG}`)
    const res = await request(`/zh-tw/oembed?url=${target}&format=json`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { title: string; html: string }
    expect(body.title).toBe('一個主城都市區的重要戰略支點')
    expect(body.html).toContain(`${ORIGIN}/zh-tw/feeds/${SLUG}.json`)
    expect(body.html).toContain(`src="${ORIGIN}/widget.js"`)
  })

  it("answers for the edition's topic pages with the widget on the topic's zh-tw feed", async () => {
    const target = encodeURIComponent(`${ORIGIN}/zh-tw/topics/qijiang`)
    const res = await request(`/zh-tw/oembed?url=${target}&format=json`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { html: string }
    expect(body.html).toContain(`${ORIGIN}/zh-tw/feeds/topics/qijiang.json`)
    expect(body.html).toContain(`src="${ORIGIN}/widget.js"`)
  })
})

describe("the edition's topic page", () => {
  it("links the topic's one fediverse actor and the shared widget script at the site's origin", async () => {
    const p = await page('/zh-tw/topics/qijiang')
    expect(p.html).toContain(`href="${ORIGIN}/ap/actors/topic-qijiang"`)
    expect(p.html).not.toContain('/zh-tw/ap/')
    expect(p.html).not.toContain('/zh-tw/widget.js')
  })
})

describe("the edition's sitemaps", () => {
  it("lists the edition's pages under /zh-tw/", async () => {
    const index = await (await request('/zh-tw/sitemap.xml')).text()
    expect(index).toContain(`<loc>${ORIGIN}/zh-tw/sitemaps/articles-1.xml</loc>`)
    const part = await (await request('/zh-tw/sitemaps/articles-1.xml')).text()
    expect(part).toContain(`<loc>${ORIGIN}/zh-tw/articles/${SLUG}</loc>`)
    expect(part).not.toContain(`<loc>${ORIGIN}/articles/`)
  })
})
