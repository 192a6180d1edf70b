/**
 * Topic and person feeds in real readers, reached as a new reader reaches them: from the seed article's page by
 * its links (rel="tag", rel="author", the photo credits) to the subject's page, and from there by its
 * `<link rel="alternate">`s to the feeds. newsboat subscribes to them, feedparser reads the RSS and Atom, the
 * JSON Feed passes the 1.1 schema. Served by wrangler dev after content:publish of the seed, two more articles
 * tagged 綦江 and two that are not.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feedparserAll } from '../helpers/feedparser.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { assertJsonFeed11 } from '../helpers/json-feed-schema.ts'
import { type DevServer, startPublishedWorker } from '../helpers/wrangler-dev.ts'
import { tokenize } from '../worker/html-tokens.ts'
import { newsboatReload, scratchFolders } from './read-with-clients.ts'

const SEED = 'qijiang-strategic-pivot'
/** The articles tagged 綦江: the seed and the two generated with the default tags (綦江, 基准). */
const TAGGED = [SEED, 'bench-article-0', 'bench-article-1']
/** Two articles spread over other topics (基准话题N) by other people: never in 綦江's or 石亮's feed. */
const OTHERS = ['bench-article-2', 'bench-article-3']

let work = ''
let worker: DevServer
const folders = scratchFolders('broadsheet-subject-reader-')
const scratch = folders.make

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-subject-feeds-'))
  const root = join(work, 'content')
  await cp('content', root, { recursive: true })
  await generateContent(root, { articles: 2, sections: 2, photos: 0 })
  await generateContent(root, { articles: 2, sections: 2, photos: 0, firstIndex: 2, topics: 5, people: 4 })
  worker = await startPublishedWorker(root)
}, 300_000)

afterAll(async () => {
  await worker?.stop()
  await folders.removeAll()
  if (work) await rm(work, { recursive: true, force: true })
})

async function html(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) })
  expect([url, res.status]).toEqual([url, 200])
  return res.text()
}

/** The page's `<a>` links as [href, text, rel]. */
async function anchors(url: string): Promise<[string, string, string][]> {
  const tokens = tokenize(await html(url))
  return tokens.flatMap((t, i) => {
    const next = tokens[i + 1]
    return t.kind === 'start' && t.name === 'a'
      ? [
          [t.attrs.href ?? '', next?.kind === 'text' ? next.text : '', t.attrs.rel ?? ''] as [
            string,
            string,
            string,
          ],
        ]
      : []
  })
}

/** The link of `text` on the page (with `rel` when given): the one a reader clicks. */
async function follow(url: string, text: string, rel?: string): Promise<string> {
  const found = (await anchors(url)).find(([, t, r]) => t === text && (rel === undefined || r === rel))
  if (!found) throw new Error(`${url} has no link "${text}"${rel ? ` with rel="${rel}"` : ''}`)
  return new URL(found[0], url).href
}

/** The page's `<link rel="alternate">` feeds by type (no hreflang: the page's own edition). */
async function feedsOf(url: string): Promise<Record<'rss' | 'atom' | 'json', string>> {
  const links = tokenize(await html(url)).flatMap((t) =>
    t.kind === 'start' && t.name === 'link' && t.attrs.rel === 'alternate' && t.attrs.hreflang === undefined
      ? [t.attrs]
      : [],
  )
  const of = (type: string) => {
    const href = links.find((l) => l.type === type)?.href
    if (!href) throw new Error(`${url} has no <link rel="alternate" type="${type}">`)
    return new URL(href, url).href
  }
  return {
    rss: of('application/rss+xml'),
    atom: of('application/atom+xml'),
    json: of('application/feed+json'),
  }
}

/** The item URLs of an article as its own JSON Feed lists them (the article's sections and gallery). */
async function itemsOf(slug: string): Promise<string[]> {
  const feed = (await (await fetch(`${worker.url}/feeds/${slug}.json`)).json()) as {
    items: { url: string }[]
  }
  return feed.items.map((i) => i.url)
}

interface JsonFeed {
  title: string
  items: { id: string; url: string; title: string; tags?: string[] }[]
}

const seedUrl = () => `${worker.url}/articles/${SEED}`

describe('a new reader following 綦江 from the seed article', () => {
  it('goes to the topic page by the rel="tag" link, subscribes to its RSS and Atom feeds in newsboat and sees every item of every article tagged 綦江', async () => {
    const topicPage = await follow(seedUrl(), '綦江', 'tag')
    expect(topicPage).toBe(`${worker.url}/topics/qijiang`)
    expect(await html(topicPage)).toContain('<h1>綦江</h1>')
    const feeds = await feedsOf(topicPage)
    const expected = (await Promise.all(TAGGED.map(itemsOf))).flat()
    const others = (await Promise.all(OTHERS.map(itemsOf))).flat()
    expect(expected.length).toBeGreaterThan(TAGGED.length)
    expect(others.length).toBeGreaterThan(0)
    for (const url of [feeds.rss, feeds.atom]) {
      const items = await newsboatReload(await scratch(), [url])
      expect(items.every((i) => i.feedurl === url)).toBe(true)
      expect([url, items.map((i) => i.url).sort()]).toEqual([url, [...expected].sort()])
      for (const i of items) expect(i.title).not.toBe('')
    }
  })

  it("reaches 石亮's page from the photo credit, and newsboat shows the sections of his photos, each with its credit", async () => {
    const personPage = await follow(seedUrl(), '石亮')
    expect(personPage).toBe(`${worker.url}/people/shi-liang`)
    const feeds = await feedsOf(personPage)
    const items = await newsboatReload(await scratch(), [feeds.rss])
    // The generated 綦江 articles have no photos; the seed's one photo by 石亮 is in its first section.
    expect(items.map((i) => i.url)).toEqual([`${worker.url}/articles/${SEED}/wanqi-integration`])
    expect(items[0]?.content.replace(/\s+/g, '')).toContain('綦江城区一景。—记者石亮摄')
  })

  it('reaches the writer by the byline link (rel="author"), whose feeds have every article of his or hers', async () => {
    const personPage = await follow(seedUrl(), '刘柳吟', 'author')
    const feeds = await feedsOf(personPage)
    const items = await newsboatReload(await scratch(), [feeds.atom])
    // 刘柳吟 writes the seed and the generated articles with default people.
    expect(items.map((i) => i.url).sort()).toEqual((await Promise.all(TAGGED.map(itemsOf))).flat().sort())
  })
})

describe('every topic and person the seed links, in feedparser and against the JSON Feed 1.1 schema', () => {
  /** The subject pages the seed article links: its topics (rel="tag") and people (/people/…). */
  async function subjectPages(): Promise<string[]> {
    const links = (await anchors(seedUrl())).map(([href, , rel]) => ({
      href: new URL(href, seedUrl()).href,
      rel,
    }))
    const pages = links
      .filter((l) => l.rel === 'tag' || /\/people\/[a-z0-9-]+$/.test(l.href))
      .map((l) => l.href)
    return [...new Set(pages)]
  }

  it('reads the RSS and Atom feeds with bozo 0, the same items as the JSON Feed, which is JSON Feed 1.1', async () => {
    const pages = await subjectPages()
    // 3 topics, the writer and 5 photographers.
    expect(pages).toHaveLength(9)
    for (const page of pages) {
      const feeds = await feedsOf(page)
      const json = (await (await fetch(feeds.json)).json()) as JsonFeed
      expect(() => assertJsonFeed11(json)).not.toThrow()
      expect(json.items.length).toBeGreaterThan(0)
      const [rss, atom] = feedparserAll([
        await (await fetch(feeds.rss)).text(),
        await (await fetch(feeds.atom)).text(),
      ])
      for (const [format, parsed] of [
        ['rss', rss],
        ['atom', atom],
      ] as const) {
        if (!parsed) throw new Error(`${feeds[format]}: feedparser gave no result`)
        expect([feeds[format], parsed.bozo, parsed.bozo_exception]).toEqual([feeds[format], 0, null])
        expect(parsed.feed.title).toBe(json.title)
        expect(parsed.entries.map((e) => e.title)).toEqual(json.items.map((i) => i.title))
        expect(parsed.entries.map((e) => e.link)).toEqual(json.items.map((i) => i.url))
      }
    }
  })

  it("gives the topic feed's entries the topic as a category in every format", async () => {
    const feeds = await feedsOf(await follow(seedUrl(), '綦江', 'tag'))
    const json = (await (await fetch(feeds.json)).json()) as JsonFeed
    for (const item of json.items) expect(item.tags).toContain('綦江')
    const [rss, atom] = feedparserAll([
      await (await fetch(feeds.rss)).text(),
      await (await fetch(feeds.atom)).text(),
    ])
    for (const parsed of [rss, atom]) for (const e of parsed?.entries ?? []) expect(e.tags).toContain('綦江')
  })
})
