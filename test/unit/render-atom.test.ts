import { describe, expect, it } from 'vitest'
import { articleFeed } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { buildArticleValue, buildPhoto, buildSection, buildSiteConfig } from '../fixtures/build-article.ts'
import { feedparser } from '../helpers/feedparser.ts'
import { childrenNamed, onlyChild, parseXml } from '../helpers/parse-xml.ts'

const atom = () => renderAtom(articleFeed(buildArticleValue(), buildSiteConfig()))

describe('renderAtom', () => {
  it('parses in feedparser as Atom 1.0 with bozo 0', () => {
    const parsed = feedparser(atom())
    expect(parsed.bozo).toBe(0)
    expect(parsed.version).toBe('atom10')
    expect(parsed.feed.title).toBe('綦江：战略转身')
    expect(parsed.feed.icon).toBe('https://news.example.com/icon-64.png')
    expect(parsed.feed.logo).toBe('https://news.example.com/icon-512.png')
  })

  it('declares xml:lang on the feed and on every entry', () => {
    const root = parseXml(atom())
    expect(root.attributes).toEqual({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' })
    const langs = childrenNamed(root, 'entry').map((e) => e.attributes['xml:lang'])
    expect(langs).toEqual(['zh-CN', 'zh-CN'])
    expect(feedparser(atom()).entries.map((e) => e.language)).toEqual(['zh-CN', 'zh-CN'])
  })

  it('links alternate, self and hub, and is updated at its newest entry', () => {
    const root = parseXml(atom())
    expect(childrenNamed(root, 'link').map((l) => l.attributes)).toEqual([
      {
        rel: 'alternate',
        type: 'text/html',
        href: 'https://news.example.com/articles/qijiang-strategic-pivot',
      },
      {
        rel: 'self',
        type: 'application/atom+xml',
        href: 'https://news.example.com/feeds/qijiang-strategic-pivot.atom',
      },
      { rel: 'hub', href: 'https://hub.example.com/' },
    ])
    expect(onlyChild(root, 'updated').text).toBe('2020-12-22T10:15:00+08:00')
    expect(onlyChild(root, 'id').text).toBe('tag:broadsheet,2020:qijiang-strategic-pivot')
  })

  it('gives each entry a tag: id, published from the article, updated from the section, and an author', () => {
    const [first, second] = feedparser(atom()).entries
    expect(first).toMatchObject({
      id: 'tag:broadsheet,2020:qijiang-strategic-pivot/wanqi-integration',
      title: '万綦一体化提速',
      title_type: 'text/plain',
      link: 'https://news.example.com/articles/qijiang-strategic-pivot/wanqi-integration',
      published: '2020-12-22T08:00:00+08:00',
      updated: '2020-12-22T09:30:00+08:00',
      author: '石亮',
      tags: ['綦江', '区县'],
    })
    expect(second?.updated).toBe('2020-12-22T10:15:00+08:00')
  })

  it('keeps entry titles as escaped text, never as markup', () => {
    const value = buildArticleValue({
      sections: [buildSection({ heading: 'A <b>bold</b> & "quoted" title' })],
    })
    const xml = renderAtom(articleFeed(value, buildSiteConfig()))
    const entry = onlyChild(parseXml(xml), 'entry')
    expect(onlyChild(entry, 'title')).toMatchObject({
      attributes: { type: 'text' },
      text: 'A <b>bold</b> & "quoted" title',
    })
    expect(feedparser(xml).entries[0]?.title).toBe('A <b>bold</b> & "quoted" title')
  })

  it('lists each photo as an enclosure link with its real type, and a length only where it is known', () => {
    const section = buildSection({
      photos: [
        buildPhoto(),
        buildPhoto({ src: 'https://cdn.example.org/a.webp', type: 'image/webp', renditions: [] }),
      ],
    })
    const xml = renderAtom(articleFeed(buildArticleValue({ sections: [section] }), buildSiteConfig()))
    const entry = onlyChild(parseXml(xml), 'entry')
    const enclosures = childrenNamed(entry, 'link').filter((l) => l.attributes.rel === 'enclosure')
    expect(enclosures.map((l) => l.attributes)).toEqual([
      {
        rel: 'enclosure',
        type: 'image/jpeg',
        href: 'https://news.example.com/media/3f2a9c1b.jpg',
        length: '48000',
      },
      { rel: 'enclosure', type: 'image/webp', href: 'https://cdn.example.org/a.webp' },
    ])
  })

  it('carries a plain-text summary and the full HTML as content type="html"', () => {
    const entry = childrenNamed(parseXml(atom()), 'entry')[0]
    if (!entry) throw new Error('no entry')
    expect(onlyChild(entry, 'summary').attributes.type).toBe('text')
    expect(onlyChild(entry, 'content').attributes.type).toBe('html')
    const [first] = feedparser(atom()).entries
    expect(first?.content[0]?.value).toContain(
      '<figcaption>工人在装配车间调试新生产线 — 记者 石亮 摄</figcaption>',
    )
  })
})
