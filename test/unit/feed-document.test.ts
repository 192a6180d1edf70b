import { describe, expect, it } from 'vitest'
import { ALL_FEED_ID, allFeed, articleFeed, EMPTY_SITE_UPDATED } from '../../worker/render/feed-document.ts'
import { summarize } from '../../worker/render/feed-summary.ts'
import {
  buildAllPage,
  buildArticleValue,
  buildPhoto,
  buildSection,
  buildSiteConfig,
} from '../fixtures/build-article.ts'

describe('articleFeed', () => {
  it('builds tag: ids from the slug, the section id and the published year, never the host', () => {
    const a = articleFeed(buildArticleValue(), buildSiteConfig())
    const b = articleFeed(
      buildArticleValue({ title: 'Renamed' }),
      buildSiteConfig({ baseUrl: 'https://other.example' }),
    )
    expect(a.items.map((i) => i.id)).toEqual([
      'tag:broadsheet,2020:qijiang-strategic-pivot/wanqi-integration',
      'tag:broadsheet,2020:qijiang-strategic-pivot/gear-industry',
    ])
    expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id))
    expect(b.id).toBe(a.id)
  })

  it('links items to their own section pages (which name the canonical URL) when the article has one', () => {
    const doc = articleFeed(
      buildArticleValue({ canonical: 'https://paper.example.cn/a/1.html' }),
      buildSiteConfig(),
    )
    expect(doc.items[0]?.url).toBe(
      'https://news.example.com/articles/qijiang-strategic-pivot/wanqi-integration',
    )
    expect(doc.items[0]?.article.url).toBe('https://paper.example.cn/a/1.html')
    expect(doc.self.rss).toBe('https://news.example.com/feeds/qijiang-strategic-pivot.rss')
  })

  it('never dates an item update before the article was published', () => {
    const early = buildSection({ updated: '2020-12-21T12:00:00+08:00' })
    const doc = articleFeed(buildArticleValue({ sections: [early] }), buildSiteConfig())
    expect(doc.items[0]?.updated).toBe('2020-12-22T08:00:00+08:00')
    expect(doc.updated).toBe('2020-12-22T08:00:00+08:00')
  })

  it('is updated at the newest item, compared as instants', () => {
    const sections = [
      buildSection({ id: 'a', updated: '2020-12-22T11:00:00+08:00' }),
      buildSection({ id: 'b', updated: '2020-12-22T03:30:00Z' }),
    ]
    expect(articleFeed(buildArticleValue({ sections }), buildSiteConfig()).updated).toBe(
      '2020-12-22T03:30:00Z',
    )
  })

  it('resolves site-relative photos against the base URL and keeps absolute ones', () => {
    const photos = [buildPhoto(), buildPhoto({ src: 'https://cdn.example.org/p.png', type: 'image/png' })]
    const doc = articleFeed(buildArticleValue({ sections: [buildSection({ photos })] }), buildSiteConfig())
    expect(doc.items[0]?.photos.map((p) => p.url)).toEqual([
      'https://news.example.com/media/3f2a9c1b.jpg',
      'https://cdn.example.org/p.png',
    ])
  })

  it('credits photos in English outside Chinese articles', () => {
    const photo = buildPhoto({
      credit: { role: 'photographer', name: 'Ann Lee' },
      caption: 'Harbour at dawn',
    })
    const value = buildArticleValue({ lang: 'en-GB', sections: [buildSection({ photos: [photo] })] })
    const [item] = articleFeed(value, buildSiteConfig()).items
    expect(item?.photos[0]?.creditLine).toBe('Photo: Ann Lee (staff photographer)')
    expect(item?.contentHtml).toMatch(
      /<figcaption>Harbour at dawn — Photo: Ann Lee \(staff photographer\)<\/figcaption>/,
    )
  })

  it('falls back to the site description when the article has no dek', () => {
    expect(articleFeed(buildArticleValue({ dek: undefined }), buildSiteConfig()).description).toBe(
      '綦江新闻的分节订阅',
    )
  })
})

describe('articleFeed: every paragraph and photo reaches subscribers', () => {
  const gallery = [
    buildPhoto({
      src: '/media/a.jpg',
      caption: '高新区一角。',
      credit: { role: 'correspondent', name: '罗胜' },
    }),
    buildPhoto({
      src: '/media/b.jpg',
      caption: '綦城云海。',
      credit: { role: 'correspondent', name: '王大椿' },
    }),
  ]

  it('opens the first item with the lede, so the summary is the lede', () => {
    const [first, second] = articleFeed(buildArticleValue(), buildSiteConfig()).items
    expect(first?.contentHtml.startsWith('<p>綦江正在经历一场深刻的战略转身。</p><p>綦江区与万盛')).toBe(true)
    expect(first?.summary).toBe('綦江正在经历一场深刻的战略转身。')
    expect(second?.contentHtml).not.toContain('战略转身')
  })

  it('makes the gallery an item of its own, titled in the article language, with every caption and credit', () => {
    const zh = articleFeed(buildArticleValue({ photos: gallery }), buildSiteConfig()).items.at(-1)
    expect(zh).toMatchObject({
      id: 'tag:broadsheet,2020:qijiang-strategic-pivot/photos',
      sectionId: 'photos',
      title: '图集',
      url: 'https://news.example.com/articles/qijiang-strategic-pivot/photos',
    })
    expect(zh?.contentHtml).toContain('<figcaption>高新区一角。 — 通讯员 罗胜 摄</figcaption>')
    expect(zh?.contentHtml).toContain('<figcaption>綦城云海。 — 通讯员 王大椿 摄</figcaption>')
    const en = articleFeed(buildArticleValue({ lang: 'en', photos: gallery }), buildSiteConfig()).items.at(-1)
    expect(en?.title).toBe('Photos')
  })

  it('has no gallery item when the article has no gallery', () => {
    const items = articleFeed(buildArticleValue(), buildSiteConfig()).items
    expect(items.map((i) => i.sectionId)).toEqual(['wanqi-integration', 'gear-industry'])
  })

  it('dates items a second apart in reading order, the first at the publication time', () => {
    const items = articleFeed(buildArticleValue({ photos: gallery }), buildSiteConfig()).items
    expect(items.map((i) => i.published)).toEqual([
      '2020-12-22T08:00:00+08:00',
      '2020-12-22T07:59:59+08:00',
      '2020-12-22T07:59:58+08:00',
    ])
    // The gallery's update time is fixed (never moves when sections are added) and below every section's.
    expect(items.at(-1)?.updated).toBe('2020-12-22T07:59:59+08:00')
    expect(new Set(items.map((i) => i.updated)).size).toBe(items.length)
  })

  it('gives every item its own link without a fragment', () => {
    const urls = articleFeed(buildArticleValue({ photos: gallery }), buildSiteConfig()).items.map(
      (i) => i.url,
    )
    expect(new Set(urls).size).toBe(urls.length)
    for (const url of urls) expect(url).not.toContain('#')
  })
})

describe('summarize', () => {
  it('keeps a short first paragraph whole', () => {
    expect(summarize('  短  段落\n')).toBe('短 段落')
  })

  it('cuts long text to 200 characters at a grapheme boundary, ending with an ellipsis', () => {
    const long = '綦'.repeat(150) + '👩‍👩‍👧'.repeat(100)
    const cut = summarize(long)
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(cut)]
    expect(graphemes).toHaveLength(200)
    expect(cut.endsWith('👩‍👩‍👧…')).toBe(true)
  })

  it('never cuts inside a surrogate pair, counting astral characters as one', () => {
    const cut = summarize('😀'.repeat(250))
    expect(cut).toBe(`${'😀'.repeat(199)}…`)
  })

  it('keeps text of exactly 200 characters whole, astral ones included', () => {
    const text = `${'綦'.repeat(100)}${'😀'.repeat(100)}`
    expect(summarize(text)).toBe(text)
  })

  it('prefers a word boundary in spaced scripts', () => {
    const cut = summarize('word '.repeat(60))
    expect(cut).toMatch(/ word…$|word…$/)
    expect(cut).not.toMatch(/wor…$|wo…$|w…$/)
  })
})

describe('allFeed', () => {
  it('uses the site title, language and a host-independent id', () => {
    const doc = allFeed(buildAllPage(), buildSiteConfig())
    expect(doc).toMatchObject({
      id: ALL_FEED_ID,
      title: 'Broadsheet 新闻',
      lang: 'zh-CN',
      homeUrl: 'https://news.example.com/',
    })
    expect(doc.items.map((i) => i.title)).toEqual(['第1节', '第2节', '第3节'])
  })

  it('has no archive links before the first archive page is complete', () => {
    expect(allFeed(buildAllPage(), buildSiteConfig()).archive).toBeUndefined()
  })

  it('gives an empty site a fixed updated time instead of reading a clock', () => {
    const doc = allFeed(buildAllPage({ count: 0 }), buildSiteConfig())
    expect(doc.items).toEqual([])
    expect(doc.updated).toBe(EMPTY_SITE_UPDATED)
  })
})

describe('item summaries', () => {
  it('fall back to the first caption, then the heading, when a section has no paragraph', () => {
    const photoOnly = buildSection({
      id: 'p',
      paragraphs: [],
      photos: [buildPhoto({ caption: '夜色中的綦江' })],
    })
    const bare = buildSection({ id: 'b', heading: '只有标题', paragraphs: [], photos: [] })
    const doc = articleFeed(buildArticleValue({ lede: [], sections: [photoOnly, bare] }), buildSiteConfig())
    expect(doc.items.map((i) => i.summary)).toEqual(['夜色中的綦江', '只有标题'])
  })
})
