import { extractFromJson, extractFromXml } from '@extractus/feed-extractor'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { allFeed, articleFeed, type FeedDocument } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import {
  buildAllPage,
  buildAllPageWithTombstone,
  buildArticleValue,
  buildPhoto,
  buildSiteConfig,
} from '../fixtures/build-article.ts'
import { feedparser } from '../helpers/feedparser.ts'

const gallery = [buildPhoto({ caption: '綦城云海。' }), buildPhoto({ caption: '高新区一角。' })]

const documents: Record<string, () => FeedDocument> = {
  article: () => articleFeed(buildArticleValue({ photos: gallery }), buildSiteConfig()),
  'all, archive page 2': () => allFeed(buildAllPage({ archive: 2, count: 4 }), buildSiteConfig()),
  'all, head with tombstones': () => allFeed(buildAllPageWithTombstone(), buildSiteConfig()),
}

describe.each(Object.entries(documents))('the %s feed in other readers', (_name, build) => {
  const titles = () => build().items.map((i) => i.title)

  it('has the same item count and titles in rss-parser for RSS and Atom', async () => {
    const parser = new Parser()
    for (const xml of [renderRss(build()), renderAtom(build())]) {
      const feed = await parser.parseString(xml)
      expect(feed.items.map((i) => i.title)).toEqual(titles())
    }
  })

  it('has the same item count and titles in @extractus/feed-extractor for all three formats', () => {
    for (const feed of [
      extractFromXml(renderRss(build())),
      extractFromXml(renderAtom(build())),
      extractFromJson(renderJsonFeed(build())),
    ]) {
      expect(feed.entries?.map((e) => e.title)).toEqual(titles())
    }
  })

  it('gives every item a distinct link in feedparser, rss-parser and feed-extractor, in every format', async () => {
    const distinct = (links: readonly (string | null | undefined)[]) => {
      expect(links).toHaveLength(titles().length)
      expect(new Set(links).size).toBe(links.length)
      for (const link of links) expect(link).toMatch(/^https:\/\/[^#]+$/)
    }
    const parser = new Parser()
    for (const xml of [renderRss(build()), renderAtom(build())]) {
      distinct(feedparser(xml).entries.map((e) => e.link))
      distinct((await parser.parseString(xml)).items.map((i) => i.link))
      distinct(extractFromXml(xml).entries?.map((e) => e.link) ?? [])
    }
    distinct(extractFromJson(renderJsonFeed(build())).entries?.map((e) => e.link) ?? [])
  })

  it('has the same titles and bozo 0 in feedparser for RSS and Atom', () => {
    for (const xml of [renderRss(build()), renderAtom(build())]) {
      const parsed = feedparser(xml)
      expect(parsed.bozo).toBe(0)
      expect(parsed.entries.map((e) => e.title)).toEqual(titles())
    }
  })
})
