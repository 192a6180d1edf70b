import { reset } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { PAGE_STYLE } from '../../worker/render/page-style.ts'
import { buildArticle, buildPhoto, buildSection } from '../fixtures/build-article.ts'
import { type HtmlToken, startTags, textOf, tokenize } from './html-tokens.ts'
import { request, seedArticle, seedIndex } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'
const BASE = 'http://broadsheet.test'

async function page(path: string): Promise<{ res: Response; tokens: HtmlToken[] }> {
  const res = await request(path)
  return { res, tokens: tokenize(await res.text()) }
}

describe('GET /articles/:slug', () => {
  it('is semantic HTML5 with the article language, header, byline and time', async () => {
    await seedArticle()
    const { tokens } = await page(`/articles/${SLUG}`)
    expect(startTags(tokens, 'html')[0]?.attrs.lang).toBe('zh-Hans-CN')
    expect(textOf(tokens, 'h1')).toBe('綦江：战略转身')
    expect(textOf(tokens, 'p', ['class', 'dek'])).toBe('从老工业基地到渝南黔北中心城市')
    expect(textOf(tokens, 'span', ['class', 'byline'])).toBe('记者 石亮')
    expect(startTags(tokens, 'time')[0]?.attrs.datetime).toBe('2020-12-22T08:00:00+08:00')
    expect(textOf(tokens, 'time')).toBe('2020年12月22日 08:00')
    expect(startTags(tokens, 'article')).toHaveLength(1)
    expect(startTags(tokens, 'meta', ['name', 'viewport'])).toHaveLength(1)
  })

  it('gives each section its anchor id, labelled by its h2', async () => {
    await seedArticle()
    const { tokens } = await page(`/articles/${SLUG}`)
    const sections = startTags(tokens, 'section')
    expect(sections.map((s) => s.attrs.id)).toEqual(['wanqi-integration', 'gear-industry'])
    for (const s of sections) {
      const heading = startTags(tokens, 'h2', ['id', s.attrs['aria-labelledby'] ?? ''])
      expect(heading).toHaveLength(1)
    }
    expect(textOf(tokens, 'h2', ['id', 'wanqi-integration-heading'])).toBe('万綦一体化提速')
  })

  it('shows each photo as a figure with its caption and the print credit', async () => {
    await seedArticle()
    const { tokens } = await page(`/articles/${SLUG}`)
    const img = startTags(tokens, 'img')[0]
    expect(img?.attrs).toMatchObject({
      src: `${BASE}/media/3f2a9c1b.jpg`,
      alt: '綦江齿轮厂装配车间',
      width: '1200',
      height: '800',
    })
    expect(textOf(tokens, 'figcaption')).toBe('工人在装配车间调试新生产线 记者 石亮 摄')
  })

  it('links its three feeds, the all feeds, the canonical URL and oEmbed', async () => {
    await seedArticle()
    const { tokens } = await page(`/articles/${SLUG}`)
    const links = startTags(tokens, 'link').map((l) => [l.attrs.rel, l.attrs.type ?? '', l.attrs.href])
    expect(links).toEqual(
      expect.arrayContaining([
        ['canonical', '', `${BASE}/articles/${SLUG}`],
        ['alternate', 'application/rss+xml', `${BASE}/feeds/${SLUG}.rss`],
        ['alternate', 'application/atom+xml', `${BASE}/feeds/${SLUG}.atom`],
        ['alternate', 'application/feed+json', `${BASE}/feeds/${SLUG}.json`],
        ['alternate', 'application/rss+xml', `${BASE}/feeds/all.rss`],
        ['alternate', 'application/atom+xml', `${BASE}/feeds/all.atom`],
        ['alternate', 'application/feed+json', `${BASE}/feeds/all.json`],
        [
          'alternate',
          'application/json+oembed',
          `${BASE}/oembed?url=${encodeURIComponent(`${BASE}/articles/${SLUG}`)}&format=json`,
        ],
      ]),
    )
  })

  it('carries JSON-LD NewsArticle', async () => {
    await seedArticle()
    const { tokens } = await page(`/articles/${SLUG}`)
    const ld: unknown = JSON.parse(textOf(tokens, 'script', ['type', 'application/ld+json']))
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '綦江：战略转身',
      inLanguage: 'zh-Hans-CN',
      datePublished: '2020-12-22T08:00:00+08:00',
      dateModified: '2020-12-22T10:15:00+08:00',
      author: { '@type': 'Person', name: '石亮' },
      image: [{ '@type': 'ImageObject', url: `${BASE}/media/3f2a9c1b.jpg`, width: 1200, height: 800 }],
      publisher: {
        '@type': 'Organization',
        logo: { '@type': 'ImageObject', url: `${BASE}/icon-512.png`, width: 512, height: 512 },
      },
    })
  })

  it('renders hostile text inert: no tags, no script end, no javascript: image', async () => {
    const evil = '</script><script>alert(1)</script><img src=x onerror=alert(1)>'
    await seedArticle(
      buildArticle({
        title: evil,
        dek: evil,
        lede: [evil],
        sections: [
          buildSection({
            heading: evil,
            paragraphs: [evil],
            photos: [buildPhoto({ src: 'javascript:alert(1)', caption: evil, alt: evil })],
          }),
        ],
      }),
    )
    const { tokens } = await page(`/articles/${SLUG}`)
    expect(startTags(tokens, 'script').map((s) => s.attrs.type)).toEqual(['application/ld+json'])
    expect(startTags(tokens, 'img')).toEqual([])
    expect(textOf(tokens, 'h1')).toBe(evil)
    const ld: unknown = JSON.parse(textOf(tokens, 'script', ['type', 'application/ld+json']))
    expect(ld).toMatchObject({ headline: evil })
  })

  it('sends a CSP whose style hash is the page stylesheet, and the other security headers', async () => {
    await seedArticle()
    const { res, tokens } = await page(`/articles/${SLUG}`)
    const style = textOf(tokens, 'style')
    expect(style).toBe(PAGE_STYLE)
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style))
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)))
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`style-src 'sha256-${hash}'`)
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('GET /', () => {
  it('lists the articles with dek, date, section count and their three feeds', async () => {
    const first = buildArticle()
    const second = buildArticle({ slug: 'older-story', title: '旧闻', dek: undefined })
    await seedIndex([first, second])
    const { res, tokens } = await page('/')
    expect(res.status).toBe(200)
    const items = startTags(tokens, 'li')
    expect(items).toHaveLength(2)
    const hrefs = startTags(tokens, 'a').map((a) => a.attrs.href)
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `${BASE}/articles/${SLUG}`,
        `${BASE}/feeds/${SLUG}.rss`,
        `${BASE}/feeds/${SLUG}.atom`,
        `${BASE}/feeds/${SLUG}.json`,
        `${BASE}/articles/older-story`,
        `${BASE}/feeds.opml`,
        `${BASE}/feeds.atom.opml`,
        `${BASE}/feeds.json.opml`,
      ]),
    )
    expect(textOf(tokens, 'ul', ['class', 'articles'])).toContain('2 节')
  })

  it('autodiscovers the all feeds and the paper on the fediverse', async () => {
    await seedIndex([buildArticle()])
    const { tokens } = await page('/')
    const alternates = startTags(tokens, 'link', ['rel', 'alternate'])
      .filter((l) => l.attrs.hreflang === undefined)
      .map((l) => l.attrs.href)
    expect(alternates).toEqual([
      `${BASE}/feeds/all.rss`,
      `${BASE}/feeds/all.atom`,
      `${BASE}/feeds/all.json`,
      `${BASE}/ap/actors/paper`,
    ])
  })

  it('shows the embed snippet for the newest article as text', async () => {
    await seedIndex([buildArticle()])
    const { tokens } = await page('/')
    expect(textOf(tokens, 'code')).toBe(
      `<script type="module" src="${BASE}/widget.js"></script>\n` +
        `<broadsheet-cards src="${BASE}/feeds/${SLUG}.json"><a href="${BASE}/articles/${SLUG}">綦江：战略转身</a></broadsheet-cards>`,
    )
    expect(startTags(tokens, 'broadsheet-cards')).toEqual([])
  })

  it('says nothing is published yet (200) before the first publish', async () => {
    // KV is shared by the tests of a file: start this one from an empty store.
    await reset()
    const { res, tokens } = await page('/')
    expect(res.status).toBe(200)
    expect(textOf(tokens, 'p', ['class', 'empty'])).toBe('还没有发布任何文章。')
  })
})

describe('GET /feeds.opml, /feeds.atom.opml, /feeds.json.opml', () => {
  const cases = [
    ['/feeds.opml', 'rss', 'type="rss" version="RSS"'],
    ['/feeds.atom.opml', 'atom', 'type="atom"'],
    ['/feeds.json.opml', 'json', 'type="json"'],
  ] as const
  it.each(cases)(
    '%s lists every feed once, in its one format, each entry typed as that format',
    async (path, ext, type) => {
      await seedIndex([buildArticle(), buildArticle({ slug: 'older-story', title: '旧闻 & <评论>' })])
      const res = await request(path)
      expect(res.headers.get('content-type')).toBe('text/x-opml; charset=utf-8')
      const xml = await res.text()
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/)
      const urls = Array.from(xml.matchAll(/xmlUrl="([^"]+)"/g), (m) => m[1])
      expect(urls).toEqual([
        `${BASE}/feeds/all.${ext}`,
        `${BASE}/feeds/qijiang-strategic-pivot.${ext}`,
        `${BASE}/feeds/older-story.${ext}`,
      ])
      expect(Array.from(xml.matchAll(/<outline ([^>]*?) text=/g), (m) => m[1])).toEqual([type, type, type])
      expect(xml).toContain('text="旧闻 &amp; &lt;评论&gt;"')
      expect(xml).toContain('<dateModified>Tue, 22 Dec 2020 02:15:00 GMT</dateModified>')
    },
  )
})
