import { describe, expect, it } from 'vitest'
import { articleFeed } from '../../worker/render/feed-document.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { buildArticleValue, buildSection, buildSiteConfig } from '../fixtures/build-article.ts'
import { feedparser } from '../helpers/feedparser.ts'
import { childrenNamed, onlyChild, parseXml } from '../helpers/parse-xml.ts'

const rss = () => renderRss(articleFeed(buildArticleValue(), buildSiteConfig()))

describe('renderRss', () => {
  it('parses in feedparser as RSS 2.0 with bozo 0', () => {
    const parsed = feedparser(rss())
    expect(parsed.bozo).toBe(0)
    expect(parsed.version).toBe('rss20')
    expect(parsed.feed.title).toBe('綦江：战略转身')
    expect(parsed.feed.language).toBe('zh-CN')
  })

  it('has a PNG channel image titled and linked as the channel', () => {
    const parsed = feedparser(rss())
    expect(parsed.feed.image).toMatchObject({
      href: 'https://news.example.com/icon-144.png',
      title: '綦江：战略转身',
      link: 'https://news.example.com/articles/qijiang-strategic-pivot',
      width: 144,
      height: 144,
    })
  })

  it('gives an item without photos the site logo as its list-view media:thumbnail', () => {
    const value = buildArticleValue({ sections: [buildSection(), buildSection({ id: 'b', photos: [] })] })
    const entries = feedparser(renderRss(articleFeed(value, buildSiteConfig()))).entries
    expect(entries[1]?.media_thumbnail).toEqual([
      { url: 'https://news.example.com/icon-512.png', width: '512', height: '512' },
    ])
    expect(entries[0]?.media_thumbnail).not.toContainEqual(
      expect.objectContaining({ url: expect.stringContaining('icon') }),
    )
  })

  it('declares every namespace prefix it uses on the root element', () => {
    const root = parseXml(rss())
    expect(root.name).toBe('rss')
    expect(root.attributes).toMatchObject({
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:media': 'http://search.yahoo.com/mrss/',
    })
  })

  it('links itself and the WebSub hub with atom:link', () => {
    const channel = onlyChild(parseXml(rss()), 'channel')
    const links = childrenNamed(channel, 'atom:link').map((l) => l.attributes)
    expect(links).toEqual([
      {
        href: 'https://news.example.com/feeds/qijiang-strategic-pivot.rss',
        rel: 'self',
        type: 'application/rss+xml',
      },
      { href: 'https://hub.example.com/', rel: 'hub' },
    ])
  })

  it('leaves the hub link out when no hub is configured', () => {
    const xml = renderRss(articleFeed(buildArticleValue(), buildSiteConfig({ hub: undefined })))
    const rels = childrenNamed(onlyChild(parseXml(xml), 'channel'), 'atom:link').map((l) => l.attributes.rel)
    expect(rels).toEqual(['self'])
  })

  it('writes channel metadata: description, docs, generator, lastBuildDate of the newest item', () => {
    const channel = onlyChild(parseXml(rss()), 'channel')
    expect(onlyChild(channel, 'description').text).toBe('从老工业基地到渝南黔北中心城市')
    expect(onlyChild(channel, 'docs').text).toBe('https://www.rssboard.org/rss-specification')
    expect(onlyChild(channel, 'generator').text).toBe('Broadsheet')
    expect(onlyChild(channel, 'lastBuildDate').text).toBe('Tue, 22 Dec 2020 10:15:00 +0800')
    expect(onlyChild(channel, 'link').text).toBe('https://news.example.com/articles/qijiang-strategic-pivot')
  })

  it('makes one item per section with a tag: guid, its own page as link and the byline as dc:creator', () => {
    const { entries } = feedparser(rss())
    expect(entries.map((e) => e.title)).toEqual(['万綦一体化提速', '齿轮产业集群'])
    const [first] = entries
    expect(first?.id).toBe('tag:broadsheet,2020:qijiang-strategic-pivot/wanqi-integration')
    expect(first?.link).toBe('https://news.example.com/articles/qijiang-strategic-pivot/wanqi-integration')
    expect(first?.author).toBe('石亮')
    expect(first?.published).toBe('Tue, 22 Dec 2020 08:00:00 +0800')
    expect(first?.tags).toEqual(['綦江', '区县'])
    const item = childrenNamed(onlyChild(parseXml(rss()), 'channel'), 'item')[0]
    expect(item && childrenNamed(item, 'author')).toEqual([])
    expect(item && onlyChild(item, 'guid').attributes.isPermaLink).toBe('false')
  })

  it('carries the full HTML with each photo as a figure credited in Chinese', () => {
    const [first] = feedparser(rss()).entries
    const html = first?.content[0]?.value ?? ''
    expect(first?.content[0]?.type).toBe('text/html')
    expect(html).toContain('<p>綦江区与万盛经开区加快推进一体化发展')
    expect(html).toContain('<figcaption>工人在装配车间调试新生产线 — 记者 石亮 摄</figcaption>')
    expect(html).toMatch(/<img [^>]*src="https:\/\/news\.example\.com\/media\/3f2a9c1b\.jpg"/)
    // The lede opens the first item, so it is the first item's summary.
    expect(first?.summary).toBe('綦江正在经历一场深刻的战略转身。')
  })

  it('describes photos as media:content (the large JPEG) holding the photographer credit and a thumbnail, the caption only in the body', () => {
    const item = childrenNamed(onlyChild(parseXml(rss()), 'channel'), 'item')[0]
    if (!item) throw new Error('no item')
    const media = onlyChild(item, 'media:content')
    expect(media.attributes).toEqual({
      url: 'https://news.example.com/media/3f2a9c1b.jpg',
      type: 'image/jpeg',
      medium: 'image',
      fileSize: '48000',
      width: '1200',
      height: '800',
    })
    expect(onlyChild(media, 'media:thumbnail').attributes).toEqual({
      url: 'https://news.example.com/media/3f2a9c1b660.jpg',
      width: '660',
      height: '440',
    })
    // feedparser reads any media:description as the item's description: the summary would become the caption
    // and, typed plain, rss2email's text mode would mail only that caption (FEEDS.md).
    expect(childrenNamed(media, 'media:description')).toEqual([])
    expect(onlyChild(media, 'media:credit')).toMatchObject({
      attributes: { role: 'photographer', scheme: 'urn:ebu' },
      text: '石亮',
    })
    const [first] = feedparser(rss()).entries
    expect(first?.media_credit).toEqual([{ role: 'photographer', scheme: 'urn:ebu', content: '石亮' }])
    expect(first?.content).toHaveLength(1)
    expect(first?.summary_detail).toMatchObject({
      type: 'text/html',
      value: '綦江正在经历一场深刻的战略转身。',
    })
  })
})

describe('renderRss item order', () => {
  it('puts description before content:encoded in every item, even without paragraphs', () => {
    const value = buildArticleValue({ sections: [buildSection({ paragraphs: [], photos: [] })] })
    const channel = onlyChild(parseXml(renderRss(articleFeed(value, buildSiteConfig()))), 'channel')
    for (const item of childrenNamed(channel, 'item')) {
      const names = item.children.map((c) => c.name)
      expect(names.indexOf('description')).toBeGreaterThan(-1)
      expect(names.indexOf('description')).toBeLessThan(names.indexOf('content:encoded'))
    }
  })
})
