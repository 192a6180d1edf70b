import { describe, expect, it } from 'vitest'
import { allFeed } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { buildAllPage, buildAllPageWithTombstone, buildSiteConfig } from '../fixtures/build-article.ts'
import { feedparser } from '../helpers/feedparser.ts'
import { childrenNamed, onlyChild, parseXml } from '../helpers/parse-xml.ts'

const BASE = 'https://news.example.com/feeds/all'
const site = buildSiteConfig({ hub: undefined })
const head = (archived: number) => allFeed(buildAllPage({ archived }), site)
const archive = (n: number) => allFeed(buildAllPage({ archive: n }), site)

function rssLinks(xml: string) {
  const channel = onlyChild(parseXml(xml), 'channel')
  return Object.fromEntries(
    childrenNamed(channel, 'atom:link').map((l) => [l.attributes.rel, l.attributes.href]),
  )
}

function atomLinks(xml: string) {
  const links = childrenNamed(parseXml(xml), 'link')
  return Object.fromEntries(links.map((l) => [l.attributes.rel, l.attributes.href]))
}

describe('GET /feeds/all as an RFC 5005 archived feed', () => {
  it('links the subscription document to the newest complete archive page', () => {
    expect(rssLinks(renderRss(head(4)))).toEqual({
      self: `${BASE}.rss`,
      'prev-archive': `${BASE}.rss?archive=4`,
    })
  })

  it('gives the subscription document no archive links before a page is complete', () => {
    expect(Object.keys(atomLinks(renderAtom(head(0))))).toEqual(['alternate', 'self'])
  })

  it('links an archive page to the current document and its neighbours, and marks it fh:archive', () => {
    const xml = renderAtom(archive(2))
    expect(atomLinks(xml)).toEqual({
      alternate: 'https://news.example.com/',
      self: `${BASE}.atom?archive=2`,
      current: `${BASE}.atom`,
      'prev-archive': `${BASE}.atom?archive=1`,
      'next-archive': `${BASE}.atom?archive=3`,
    })
    expect(xml).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"')
    expect(xml).toContain('<fh:archive/>')
    expect(renderRss(archive(2))).toContain('<fh:archive/>')
  })

  it('gives the oldest archive page no prev-archive and JSON Feed no next_url', () => {
    expect(Object.keys(rssLinks(renderRss(archive(1))))).not.toContain('prev-archive')
    expect(JSON.parse(renderJsonFeed(archive(1))).next_url).toBeUndefined()
  })

  it('never marks the subscription document as an archive', () => {
    expect(renderAtom(head(3))).not.toContain('fh:archive')
    expect(renderRss(head(3))).not.toContain('fh:archive')
  })

  it('carries RFC 6721 tombstones in Atom for withdrawn items, and omits them elsewhere', () => {
    const doc = allFeed(buildAllPageWithTombstone(), site)
    const atom = renderAtom(doc)
    expect(atom).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"')
    expect(atom).toContain(
      '<at:deleted-entry ref="tag:broadsheet,2020:withdrawn-story/lead" when="2020-12-23T08:00:00+08:00"/>',
    )
    expect(renderRss(doc)).not.toContain('withdrawn-story')
    expect(renderJsonFeed(doc)).not.toContain('withdrawn-story')
    const parsed = feedparser(atom)
    expect(parsed.bozo).toBe(0)
    expect(parsed.entries).toHaveLength(2)
  })

  it('is read by Universal Feed Parser without errors in every format', () => {
    for (const xml of [renderRss(archive(2)), renderAtom(archive(2)), renderAtom(head(2))])
      expect(feedparser(xml).bozo).toBe(0)
  })
})
