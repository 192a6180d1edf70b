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

  it('links items to the canonical URL with the section anchor when the article has one', () => {
    const doc = articleFeed(
      buildArticleValue({ canonical: 'https://paper.example.cn/a/1.html' }),
      buildSiteConfig(),
    )
    expect(doc.items[0]?.url).toBe('https://paper.example.cn/a/1.html#wanqi-integration')
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

  it('has no paging links when everything fits on one page', () => {
    expect(allFeed(buildAllPage(), buildSiteConfig()).paging).toBeUndefined()
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
    const doc = articleFeed(buildArticleValue({ sections: [photoOnly, bare] }), buildSiteConfig())
    expect(doc.items.map((i) => i.summary)).toEqual(['夜色中的綦江', '只有标题'])
  })
})
