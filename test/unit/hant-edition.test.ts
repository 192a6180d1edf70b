/** The Traditional edition's values as publish converts them (editor/hant/hant-entries.ts, hant-writes.ts). */
import { describe, expect, it } from 'vitest'
import { hantEntry } from '../../editor/hant/hant-entries.ts'
import {
  type HantEdition,
  hantEdition,
  planHantSweep,
  withHantEntries,
} from '../../editor/hant/hant-writes.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { bodyOf, versioned } from '../../editor/publish/store-entries.ts'
import type { WritePlan } from '../../editor/publish/write-plan.ts'
import { applyWrites, countWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { EDITIONS } from '../../model/edition.ts'
import { parseSitemapIndexValue } from '../../model/parse-sitemap-values.ts'
import { parseStoredArticle } from '../../model/parse-store-values.ts'
import { editionKey, keys, originalKey, subjectOfFeedHeadKey } from '../../model/store-keys.ts'
import { renderNewsSitemap } from '../../worker/render/render-news-sitemap.ts'
import { buildArticle, buildSiteConfig } from '../fixtures/build-article.ts'
import { buildDraft } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const edition = hantEdition('content')

describe('edition keys', () => {
  it('puts the zh-tw infix after the version prefix, and takes it off again', () => {
    expect(editionKey(keys.article('a'), 'hant')).toBe('v2:zh-tw:article:a')
    expect(editionKey(keys.feedHead(), 'hant')).toBe('v2:zh-tw:feed:head')
    expect(editionKey(keys.feedHead(), 'hans')).toBe('v2:feed:head')
    expect(originalKey('v2:zh-tw:topic:qijiang:feed:head')).toBe('v2:topic:qijiang:feed:head')
  })

  it('shares media and keeps histories and the lease to the original', () => {
    for (const k of [keys.media('ab.jpg'), keys.history('a'), keys.lease()])
      expect(editionKey(k, 'hant')).toBe(k)
  })
})

describe('hantEntry', () => {
  const article = buildArticle()
  const original = versioned(keys.article(article.slug), {
    article,
    history: { published: article.published, sources: ['x'] },
  })
  const entry = hantEntry(original, edition.convert, edition.fingerprint)

  it('stores the converted article under the edition key, zh-TW, with a version of its own', () => {
    expect(entry?.key).toBe(editionKey(keys.article(article.slug), 'hant'))
    const stored = parseStoredArticle(JSON.parse(entry?.value as string))
    if (stored.kind !== 'article') throw new Error(stored.kind)
    expect(stored.value.article.lang).toBe(EDITIONS.hant.lang)
    expect(stored.value.article.title).not.toBe(article.title)
    expect(stored.value.article.slug).toBe(article.slug)
    expect(stored.value.version).not.toBe(original.metadata.h)
    expect(entry?.metadata).toEqual({ h: stored.value.version, g: edition.fingerprint })
  })

  it('converts every value a publish builds from its body exactly as from the value stored', async () => {
    const store = new MemoryKvStore()
    const drafts = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        buildDraft(`art-${i}`, {
          published: `2020-12-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00`,
        }),
      )
    let compared = 0
    // A first publish (archive pages, heads, sitemaps), then one that adds an article to them.
    for (const [n, now] of [
      [30, new Date('2026-11-24T02:00:00Z')],
      [31, new Date('2026-11-25T02:00:00Z')],
    ] as const) {
      const plan = await planWrites(store, await buildWithStore(store, drafts(n), { now }))
      // Every step the edition converts (commits rewrite the metadata of articles already converted).
      for (const e of plan.steps.flatMap(([step, entries]) => (step === 'commits' ? [] : entries))) {
        if (typeof e.value !== 'string') continue
        expect(bodyOf(e), e.key).toBeDefined()
        // A copy of the entry has no body: its value is parsed.
        expect(bodyOf({ ...e })).toBeUndefined()
        expect(hantEntry(e, edition.convert, edition.fingerprint)).toEqual(
          hantEntry({ ...e }, edition.convert, edition.fingerprint),
        )
        compared++
      }
      await applyWrites(store, plan)
    }
    expect(compared).toBeGreaterThan(60)
  })

  it('converts the text and keeps ids, times and photo paths', () => {
    const value = JSON.parse(entry?.value as string)
    expect(value.history).toBeUndefined()
    expect(value.article.title).toBe(edition.convert(article.title))
    expect(value.article.published).toBe(article.published)
    expect(value.article.sections.map((s: { id: string }) => s.id)).toEqual(article.sections.map((s) => s.id))
    expect(JSON.stringify(value)).not.toContain('"lang":"zh-CN"')
  })

  it('has no edition value for media and histories', () => {
    const media = { key: keys.media('ab.jpg'), value: new Uint8Array([1]), metadata: { h: 'ab' } }
    expect(hantEntry(media, edition.convert, edition.fingerprint)).toBeNull()
    expect(hantEntry(versioned(keys.history('a'), {}), edition.convert, edition.fingerprint)).toBeNull()
  })
})

describe('the edition of a write plan', () => {
  it('adds one converted value after each converted original in its step, and counts them', () => {
    const a = versioned(keys.article('a'), { article: buildArticle({ slug: 'a' }) })
    const steps: WritePlan['steps'] = [
      ['media', [{ key: keys.media('ab.jpg'), value: new Uint8Array([1]), metadata: { h: 'ab' } }]],
      ['articles', [a, versioned(keys.history('a'), {})]],
      ['pages', []],
      ['heads', [versioned(keys.feedHead(), { items: [] })]],
      ['retired', []],
      ['commits', [a]],
    ]
    const plan = withHantEntries({ steps, deletes: [], counts: countWrites(steps, []) }, edition)
    expect(plan.steps.map(([step, e]) => [step, e.map((x) => x.key)])).toEqual([
      ['media', [keys.media('ab.jpg')]],
      ['articles', [keys.article('a'), keys.history('a'), 'v2:zh-tw:article:a']],
      ['pages', []],
      ['heads', [keys.feedHead(), 'v2:zh-tw:feed:head']],
      ['retired', []],
      ['commits', [keys.article('a')]],
    ])
    expect(plan.counts.edition).toBe(2)
    expect(plan.counts.written).toBe(7)
  })
})

describe('the zh-tw news sitemap', () => {
  it('names the zh-tw publication and the converted title', () => {
    const original = versioned(keys.sitemapIndex(), {
      parts: [],
      news: [
        {
          slug: 'qijiang',
          title: '一个主城都市区的重要战略支点',
          lang: 'zh-CN',
          published: '2020-12-22T08:00:00+08:00',
        },
      ],
    })
    const entry = hantEntry(original, edition.convert, edition.fingerprint)
    const value = parseSitemapIndexValue(JSON.parse(entry?.value as string))
    const site = { ...buildSiteConfig(), edition: EDITIONS.hant, baseUrl: 'https://news.example.com/zh-tw' }
    const xml = renderNewsSitemap(value.news, site)
    expect(xml).toContain('<news:language>zh-tw</news:language>')
    expect(xml).toContain('<news:title>一個主城都市區的重要戰略支點</news:title>')
    expect(xml).toContain('<loc>https://news.example.com/zh-tw/articles/qijiang</loc>')
  })
})

describe('a sweep of the whole edition', () => {
  const NOW = new Date('2026-11-27T06:00:00Z')
  const article = (slug: string, title: string, published = '2026-11-26T08:00:00+08:00') =>
    versioned(keys.article(slug), {
      article: buildArticle({ slug, title, published, updated: published, photos: [] }),
    })
  async function published() {
    const store = new MemoryKvStore()
    await store.put([
      article('named', '綦江新闻'),
      article('plain', '城市新闻'),
      article('later', '綦江明天', '2026-12-27T08:00:00+08:00'),
    ])
    return store
  }
  const sweep = async (store: MemoryKvStore, e: HantEdition) => {
    const { plan, changes } = await planHantSweep(store, e, NOW)
    await store.put(plan.steps.flatMap(([, entries]) => entries))
    return changes
  }

  it("names every visible article's pages on the edition's first sweep, never an embargoed one", async () => {
    const changes = await sweep(await published(), edition)
    expect(changes.changed.sort()).toEqual(['named', 'plain'])
    expect(changes.pages).toContain('/articles/named')
    expect(changes.pages.filter((p) => p.startsWith('/articles/named/'))).toEqual(
      buildArticle().sections.map((s) => `/articles/named/${s.id}`),
    )
    expect(changes.pages.some((p) => p.includes('later'))).toBe(false)
    expect(changes.feedChanged).toBe(true)
  })

  it('names only the articles a new glossary converts otherwise', async () => {
    const store = await published()
    await sweep(store, edition)
    const renamed: HantEdition = {
      convert: (text) => edition.convert(text).replaceAll('綦江新聞', '綦江區新聞'),
      fingerprint: 'another glossary',
    }
    const changes = await sweep(store, renamed)
    expect(changes.changed).toEqual(['named'])
    expect(changes.pages.every((p) => p.startsWith('/articles/named'))).toBe(true)
    expect((await sweep(store, renamed)).changed).toEqual([])
  })

  it('names the topic and person feeds whose converted heads are new or differ, never the others', async () => {
    const store = await published()
    const head = (kind: 'topic' | 'person', id: string, name: string) =>
      versioned(keys.subjectFeedHead(kind, id), {
        updated: null,
        archived: 0,
        next: 0,
        size: 20,
        items: [],
        subject: { kind, id, name },
      })
    await store.put([head('topic', 'qijiang', '綦江新闻'), head('person', 'shi-liang', '石亮')])
    expect((await sweep(store, edition)).subjectFeeds.sort()).toEqual(['people/shi-liang', 'topics/qijiang'])
    const renamed: HantEdition = {
      convert: (text) => edition.convert(text).replaceAll('綦江新聞', '綦江區新聞'),
      fingerprint: 'another glossary',
    }
    expect((await sweep(store, renamed)).subjectFeeds).toEqual(['topics/qijiang'])
    expect((await sweep(store, renamed)).subjectFeeds).toEqual([])
  })
})

describe('subjectOfFeedHeadKey', () => {
  it("reads a topic's or person's feed head key, and nothing else", () => {
    expect(subjectOfFeedHeadKey(keys.subjectFeedHead('topic', 'qijiang'))).toEqual({
      kind: 'topic',
      id: 'qijiang',
    })
    expect(subjectOfFeedHeadKey(keys.subjectFeedHead('person', 'shi-liang'))?.id).toBe('shi-liang')
    for (const other of [
      keys.feedHead(),
      keys.subjectFeedArchive('topic', 'qijiang', 1),
      keys.article('topic'),
      editionKey(keys.subjectFeedHead('topic', 'qijiang'), 'hant'),
      'v1:topic:qijiang:feed:head',
    ])
      expect(subjectOfFeedHeadKey(other)).toBeNull()
  })
})
