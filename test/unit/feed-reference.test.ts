/**
 * Differential test against the `feed` package (6.0.0): every feed the service emits (each article's and every
 * page of "all", in RSS, Atom and JSON Feed) is also rendered by `feed` from the same FeedDocument. RSS and Atom
 * are both read by Universal Feed Parser (Debian python3-feedparser), JSON Feed as JSON (feedparser 6.0.10 has no
 * JSON Feed reader); both must say the same on everything `feed` can express. Each deliberate difference is named
 * in DIFFERENCES below and in worker/render/FEEDS.md ("Compared with `feed`").
 */
import { Feed } from 'feed'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseArticleValue, parseFeedHeadValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import { allFeed, articleFeed, type FeedDocument } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { buildAllPage, buildArticleValue, buildSiteConfig } from '../fixtures/build-article.ts'
import { buildSeedEntries } from '../helpers/build-seed-entries.ts'
import { feedparserAll, type ParsedEntry, type ParsedFeed } from '../helpers/feedparser.ts'

/**
 * What `feed` cannot express or writes differently, on purpose: the comparisons leave out exactly these, and the
 * last test checks that each is real (so this list cannot outlive the difference it names).
 */
const DIFFERENCES = {
  paging:
    'RFC 5005 archive links (prev-archive, next-archive, current) and JSON next_url: `feed` writes none',
  xmlLang: 'Atom xml:lang on the feed and on every entry: `feed` writes none',
  textTitles: 'Atom titles and summaries typed text and escaped: `feed` types them html, unescaped',
  mediaRss:
    'RSS photos as Media RSS media:content with caption and credit: `feed` writes one enclosure (length 0)',
  enclosureType:
    'Atom enclosures for every photo with the real MIME type: `feed` writes one, its type guessed',
  jsonFeed11: 'JSON Feed 1.1 (authors, language, attachments, hubs, _broadsheet): `feed` writes 1.0',
} as const

/** The same document as `feed`'s model: everything FeedDocument says that `feed` has a field for. */
function referenceFeed(doc: FeedDocument): Feed {
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    language: doc.lang,
    updated: new Date(doc.updated),
    generator: doc.generator.name,
    feedLinks: { rss: doc.self.rss, atom: doc.self.atom, json: doc.self.json },
    favicon: doc.icons.favicon.url,
    image: doc.icons.logo.url,
    ...(doc.hub ? { hub: doc.hub } : {}),
    ...(doc.author ? { author: { name: doc.author } } : {}),
  })
  for (const item of doc.items)
    feed.addItem({
      id: item.id,
      guid: item.id,
      title: item.title,
      link: item.url,
      date: new Date(item.updated),
      published: new Date(item.published),
      description: item.summary,
      content: item.contentHtml,
      author: [{ name: item.author }],
      category: item.tags.map((t) => ({ name: t, term: t })),
      ...(item.photos[0] ? { image: item.photos[0].url } : {}),
    })
  return feed
}

const instant = (date: string | null): number | null => (date === null ? null : Date.parse(date))

/** What an XML entry says, as feedparser read it; dates as instants (the offsets legitimately differ). */
function entryFacts(e: ParsedEntry, format: 'rss' | 'atom') {
  return {
    id: e.id,
    title: e.title,
    link: e.link,
    published: instant(e.published),
    updated: instant(e.updated),
    author: e.author,
    summary: e.summary,
    content: e.content.map((c) => c.value),
    tags: e.tags,
    // RSS: DIFFERENCES.mediaRss (our photos are media:content, `feed` writes an enclosure).
    firstEnclosure: format === 'atom' ? (e.enclosures[0]?.href ?? null) : 'not compared',
  }
}

function feedFacts(f: ParsedFeed, format: 'rss' | 'atom') {
  const rels = (rel: string) => f.feed.links.filter((l) => l.rel === rel).map((l) => l.href)
  return {
    bozo: f.bozo,
    title: f.feed.title,
    updated: instant(f.feed.updated),
    alternate: rels('alternate'),
    self: rels('self'),
    hub: rels('hub'),
    icon: f.feed.icon,
    entries: f.entries.map((e) => entryFacts(e, format)),
  }
}

type Json = Record<string, unknown>
const names = (authors: unknown): unknown =>
  (Array.isArray(authors) ? authors : [authors]).map((a: Json | undefined) => a?.name)

/** What a JSON Feed says in fields both versions have; 1.0's `author` and 1.1's `authors` as a list of names. */
function jsonFacts(feed: Json) {
  const items = Array.isArray(feed.items) ? (feed.items as Json[]) : []
  return {
    title: feed.title,
    home_page_url: feed.home_page_url,
    feed_url: feed.feed_url,
    description: feed.description,
    icon: feed.icon,
    authors: names(feed.authors ?? feed.author),
    items: items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      content_html: i.content_html,
      summary: i.summary,
      image: i.image,
      date_published: Date.parse(String(i.date_published)),
      date_modified: Date.parse(String(i.date_modified)),
      authors: names(i.authors ?? i.author),
      tags: i.tags,
    })),
  }
}

interface Compared {
  name: string
  doc: FeedDocument
  reference: Feed
  /** feedparser's reading of ours and of `feed`'s, per XML format. */
  parsed: { rss: ParsedFeed; referenceRss: ParsedFeed; atom: ParsedFeed; referenceAtom: ParsedFeed }
}

let compared: Compared[] = []

beforeAll(async () => {
  // The seed as the publisher builds it, read back through the Worker's own parsers.
  const site = buildSiteConfig()
  const built = await buildSeedEntries()
  const value = (key: string): unknown => {
    const entry = [...built.articles, ...built.heads].find((e) => e.key === key)
    return JSON.parse(String(entry?.value))
  }
  const head = parseFeedHeadValue(value(keys.feedHead()))
  const documents: [string, FeedDocument][] = [
    ...built.articlesBuilt.map((a): [string, FeedDocument] => [
      `seed /feeds/${a.slug}`,
      articleFeed(parseArticleValue(value(keys.article(a.slug))), site),
    ]),
    ['seed /feeds/all', allFeed({ ...head, archive: null, archived: 0, entries: head.items }, site)],
    ['fixture article without hub', articleFeed(buildArticleValue(), buildSiteConfig({ hub: undefined }))],
    ['fixture "all" archive page 2', allFeed(buildAllPage({ archive: 2 }), site)],
  ]
  const references = documents.map(([, doc]) => referenceFeed(doc))
  // Every XML document in one feedparser process: four per feed (ours and `feed`'s, RSS and Atom).
  const parsed = feedparserAll(
    documents.flatMap(([, doc], i) => {
      const reference = references[i] as Feed
      return [renderRss(doc), reference.rss2(), renderAtom(doc), reference.atom1()]
    }),
  )
  compared = documents.map(([name, doc], i) => {
    const [rss, referenceRss, atom, referenceAtom] = parsed.slice(i * 4, i * 4 + 4) as ParsedFeed[]
    if (!rss || !referenceRss || !atom || !referenceAtom) throw new Error(`feedparser skipped ${name}`)
    return { name, doc, reference: references[i] as Feed, parsed: { rss, referenceRss, atom, referenceAtom } }
  })
}, 300_000)

describe('feeds compared with the `feed` package as reference', () => {
  it('covers every feed kind: article feeds and pages of "all", each with items', () => {
    expect(compared.map((c) => c.name)).toEqual([
      'seed /feeds/qijiang-strategic-pivot',
      'seed /feeds/all',
      'fixture article without hub',
      'fixture "all" archive page 2',
    ])
    expect(compared.every((c) => c.doc.items.length > 0)).toBe(true)
  })

  it('RSS: feedparser reads the same channel and items from both', () => {
    for (const { name, parsed } of compared)
      expect({ name, ...feedFacts(parsed.rss, 'rss') }).toEqual({
        name,
        ...feedFacts(parsed.referenceRss, 'rss'),
      })
  })

  it('Atom: feedparser reads the same feed and entries from both', () => {
    for (const { name, parsed } of compared)
      expect({ name, ...feedFacts(parsed.atom, 'atom') }).toEqual({
        name,
        ...feedFacts(parsed.referenceAtom, 'atom'),
      })
  })

  it('JSON Feed: the same feed and items', () => {
    for (const { name, doc, reference } of compared)
      expect({ name, ...jsonFacts(JSON.parse(renderJsonFeed(doc))) }).toEqual({
        name,
        ...jsonFacts(JSON.parse(reference.json1())),
      })
  })

  it('differs from `feed` exactly where DIFFERENCES says, and each difference is real', () => {
    expect(Object.keys(DIFFERENCES)).toHaveLength(6)
    const paged = compared.find((c) => c.doc.archive?.prevArchive)
    const photographed = compared.find((c) => c.doc.items.some((i) => i.photos.length > 0))
    if (!paged || !photographed) throw new Error('the documents need a paged feed and a photo')
    // paging
    expect(renderAtom(paged.doc)).toContain('rel="prev-archive"')
    expect(paged.reference.atom1()).not.toContain('rel="prev-archive"')
    expect(JSON.parse(renderJsonFeed(paged.doc)).next_url).toBe(paged.doc.archive?.prevArchive?.json)
    expect(JSON.parse(paged.reference.json1()).next_url).toBeUndefined()
    // xmlLang
    expect(paged.parsed.atom.feed.language).toBe(paged.doc.lang)
    expect(paged.parsed.referenceAtom.feed.language).toBeNull()
    // textTitles
    expect(renderAtom(paged.doc)).toMatch(/<title type="text">/)
    expect(paged.reference.atom1()).toMatch(/<title type="html">/)
    // mediaRss
    expect(photographed.parsed.rss.entries.some((e) => e.media_credit.length > 0)).toBe(true)
    expect(photographed.parsed.rss.entries.every((e) => e.enclosures.length === 0)).toBe(true)
    expect(photographed.parsed.referenceRss.entries.some((e) => e.enclosures.length > 0)).toBe(true)
    expect(photographed.reference.rss2()).not.toContain('media:')
    // enclosureType
    const photo = photographed.doc.items.flatMap((i) => i.photos)[0]
    expect(renderAtom(photographed.doc)).toContain(`rel="enclosure" type="${photo?.type}"`)
    expect(photographed.reference.atom1()).not.toContain(`type="${photo?.type}"`)
    // jsonFeed11
    expect(JSON.parse(renderJsonFeed(paged.doc)).version).toBe('https://jsonfeed.org/version/1.1')
    expect(JSON.parse(paged.reference.json1()).version).toBe('https://jsonfeed.org/version/1')
  })
})
