import { describe, expect, it } from 'vitest'
import { allFeed, articleFeed } from '../../worker/render/feed-document.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { buildAllPage, buildArticleValue, buildSiteConfig } from '../fixtures/build-article.ts'
import { assertJsonFeed11 } from '../helpers/json-feed-schema.ts'

const json = () => JSON.parse(renderJsonFeed(articleFeed(buildArticleValue(), buildSiteConfig())))

describe('renderJsonFeed', () => {
  it('writes a structurally valid JSON Feed 1.1 document', () => {
    const feed = json()
    expect(() => assertJsonFeed11(feed)).not.toThrow()
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  })

  it('names the language, the authors, the icon, itself and the WebSub hub', () => {
    expect(json()).toMatchObject({
      title: '綦江：战略转身',
      description: '从老工业基地到渝南黔北中心城市',
      home_page_url: 'https://news.example.com/articles/qijiang-strategic-pivot',
      feed_url: 'https://news.example.com/feeds/qijiang-strategic-pivot.json',
      language: 'zh-CN',
      authors: [{ name: '石亮' }],
      icon: 'https://news.example.com/icon-512.png',
      favicon: 'https://news.example.com/icon-64.png',
      hubs: [{ type: 'WebSub', url: 'https://hub.example.com/' }],
    })
  })

  it('gives each item RFC 3339 dates, authors, tags, the first photo as image and attachments', () => {
    const [first] = json().items
    expect(first).toMatchObject({
      id: 'tag:broadsheet,2020:qijiang-strategic-pivot/wanqi-integration',
      url: 'https://news.example.com/articles/qijiang-strategic-pivot/wanqi-integration',
      title: '万綦一体化提速',
      date_published: '2020-12-22T08:00:00+08:00',
      date_modified: '2020-12-22T09:30:00+08:00',
      authors: [{ name: '石亮' }],
      tags: ['綦江', '区县'],
      language: 'zh-CN',
      image: 'https://news.example.com/media/3f2a9c1b.jpg',
      attachments: [
        {
          url: 'https://news.example.com/media/3f2a9c1b.jpg',
          mime_type: 'image/jpeg',
          title: '工人在装配车间调试新生产线',
        },
      ],
    })
  })

  it('adds the _broadsheet extension with section, article and credited photos with their WebP renditions', () => {
    const [first, second] = json().items
    expect(first._broadsheet).toEqual({
      section_id: 'wanqi-integration',
      article: {
        slug: 'qijiang-strategic-pivot',
        title: '綦江：战略转身',
        url: 'https://news.example.com/articles/qijiang-strategic-pivot',
      },
      photos: [
        {
          url: 'https://news.example.com/media/3f2a9c1b.jpg',
          width: 1200,
          height: 800,
          alt: '綦江齿轮厂装配车间',
          caption: '工人在装配车间调试新生产线',
          credit: { role: 'staff', name: '石亮' },
          credit_line: '记者 石亮 摄',
          renditions: expect.arrayContaining([
            {
              url: 'https://news.example.com/media/3f2a9c1b330.webp',
              type: 'image/webp',
              width: 330,
              height: 220,
            },
          ]),
        },
      ],
    })
    // The fixture photo has nine renditions, three of them WebP: the extension lists those (the widget's srcset).
    expect(first._broadsheet.photos[0].renditions.map((r: { type: string }) => r.type)).toEqual([
      'image/webp',
      'image/webp',
      'image/webp',
    ])
    expect(second._broadsheet.photos).toEqual([])
    expect(second.image).toBeUndefined()
  })

  it('points next_url down the archive chain of "all" and has no authors of its own there', () => {
    const page = JSON.parse(renderJsonFeed(allFeed(buildAllPage({ archive: 2 }), buildSiteConfig())))
    expect(() => assertJsonFeed11(page)).not.toThrow()
    expect(page.next_url).toBe('https://news.example.com/feeds/all.json?archive=1')
    expect(page.feed_url).toBe('https://news.example.com/feeds/all.json?archive=2')
    const head = JSON.parse(renderJsonFeed(allFeed(buildAllPage({ archived: 7 }), buildSiteConfig())))
    expect(head.next_url).toBe('https://news.example.com/feeds/all.json?archive=7')
    const first = JSON.parse(renderJsonFeed(allFeed(buildAllPage({ archive: 1 }), buildSiteConfig())))
    expect(first.next_url).toBeUndefined()
    expect(page.authors).toBeUndefined()
  })
})
