import { describe, expect, it } from 'vitest'
import { allFeed } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { buildAllPage, buildSiteConfig } from '../fixtures/build-article.ts'
import { feedparser } from '../helpers/feedparser.ts'
import { childrenNamed, onlyChild, parseXml } from '../helpers/parse-xml.ts'

const BASE = 'https://news.example.com/feeds/all'
const page = (n: number) => allFeed(buildAllPage({ page: n, pages: 3 }), buildSiteConfig({ hub: undefined }))

function rssLinks(n: number) {
  const channel = onlyChild(parseXml(renderRss(page(n))), 'channel')
  return Object.fromEntries(
    childrenNamed(channel, 'atom:link').map((l) => [l.attributes.rel, l.attributes.href]),
  )
}

function atomLinks(n: number) {
  const links = childrenNamed(parseXml(renderAtom(page(n))), 'link')
  return Object.fromEntries(links.map((l) => [l.attributes.rel, l.attributes.href]))
}

describe('GET /feeds/all paging (RFC 5005 paged feeds)', () => {
  it('links page 1 to itself without a query, to the older page and to the last', () => {
    expect(rssLinks(1)).toEqual({
      self: `${BASE}.rss`,
      first: `${BASE}.rss`,
      next: `${BASE}.rss?page=2`,
      last: `${BASE}.rss?page=3`,
    })
  })

  it('links a middle page both ways', () => {
    expect(atomLinks(2)).toEqual({
      alternate: 'https://news.example.com/',
      self: `${BASE}.atom?page=2`,
      first: `${BASE}.atom`,
      previous: `${BASE}.atom`,
      next: `${BASE}.atom?page=3`,
      last: `${BASE}.atom?page=3`,
    })
  })

  it('gives the last page no next link', () => {
    expect(rssLinks(3)).toEqual({
      self: `${BASE}.rss?page=3`,
      first: `${BASE}.rss`,
      previous: `${BASE}.rss?page=2`,
      last: `${BASE}.rss?page=3`,
    })
    expect(JSON.parse(renderJsonFeed(page(3))).next_url).toBeUndefined()
  })

  it('never calls a page an archive: pages shift when articles are published', () => {
    for (const n of [1, 2, 3]) {
      expect(Object.keys(atomLinks(n))).not.toContain('prev-archive')
      expect(Object.keys(rssLinks(n))).not.toContain('prev-archive')
    }
  })

  it('keeps every page parseable with bozo 0 and the links visible to feedparser', () => {
    for (const render of [renderRss, renderAtom]) {
      const parsed = feedparser(render(page(2)))
      expect(parsed.bozo).toBe(0)
      expect(parsed.feed.links.map((l) => l.rel)).toEqual(
        expect.arrayContaining(['self', 'first', 'previous', 'next', 'last']),
      )
    }
  })
})
