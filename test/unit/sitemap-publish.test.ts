/** What publish writes for the sitemaps: one part per changed article's slot and the index, within the write budget. */
import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { parseSitemapIndexValue, parseSitemapPartValue } from '../../model/parse-sitemap-values.ts'
import { SITEMAP_PART_BYTES, sitemapPieces } from '../../model/sitemap-pieces.ts'
import { keys } from '../../model/store-keys.ts'
import { renderSitemap } from '../../worker/render/render-sitemap.ts'
import { buildSiteConfig } from '../fixtures/build-article.ts'
import { buildDraft, buildDraftSection } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const LATER = new Date('2026-11-25T02:00:00Z')

async function publish(store: MemoryKvStore, drafts: readonly DraftArticle[], now = NOW) {
  const built = await buildWithStore(store, drafts, { now })
  const plan = await planWrites(store, built)
  await applyWrites(store, plan)
  return plan.steps.flatMap(([, e]) => e.map((x) => x.key))
}

/** 120 articles a day apart: three parts of the article list's 50 slots. */
const many = (): DraftArticle[] =>
  Array.from({ length: 120 }, (_, i) =>
    buildDraft(`a-${String(i).padStart(3, '0')}`, {
      published: new Date(Date.parse('2020-01-01T00:00:00Z') + i * 86_400_000)
        .toISOString()
        .replace('.000Z', '+00:00'),
    }),
  )

const part = (store: MemoryKvStore, page: number) => parseSitemapPartValue(store.json(keys.sitemapPart(page)))
const index = (store: MemoryKvStore) => parseSitemapIndexValue(store.json(keys.sitemapIndex()))

describe('publishing the sitemaps', () => {
  it('puts each article in the part of its article-list slot, with its section pages and photos', async () => {
    const store = new MemoryKvStore()
    await publish(store, many())
    expect(part(store, 1).articles.map((a) => a.n)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(part(store, 3).articles).toHaveLength(20)
    const first = part(store, 1).articles[0]
    expect(first?.sections.map((s) => s.id)).toEqual(['first', 'second'])
    expect(first?.images).toHaveLength(2)
    expect(first?.images.every((src) => /^\/media\/[0-9a-f]{32}\.jpg$/.test(src))).toBe(true)
    expect(index(store).parts.map((p) => [p.page, p.count])).toEqual([
      [1, 50],
      [2, 50],
      [3, 20],
    ])
  })

  it('rewrites one part and the index for an edit, within 10 values in all; a no-op writes nothing', async () => {
    const store = new MemoryKvStore()
    const drafts = many()
    await publish(store, drafts)
    const edited = drafts.map((d) =>
      d.slug === 'a-060'
        ? {
            ...d,
            sections: [buildDraftSection('first', { paragraphs: ['改过的段落。'] }), ...d.sections.slice(1)],
          }
        : d,
    )
    const written = await publish(store, edited, LATER)
    expect(written.filter((k) => k.includes(':sitemap:'))).toEqual([keys.sitemapPart(2), keys.sitemapIndex()])
    expect(written.length).toBeLessThanOrEqual(10)
    const entry = part(store, 2).articles.find((a) => a.slug === 'a-060')
    expect(Date.parse(entry?.sections[0]?.updated ?? '')).toBe(LATER.getTime())
    expect(index(store).parts[1]?.updated).toBe(entry?.updated)
    expect(await publish(store, edited, LATER)).toEqual([])
  })

  it('takes a withdrawn article off its part, within 10 values in all', async () => {
    const store = new MemoryKvStore()
    const drafts = many()
    await publish(store, drafts)
    const withdrawn = drafts.map((d) =>
      d.slug === 'a-010' ? { ...d, withdrawn: { at: '2026-11-25T10:00:00+08:00', reason: '撤稿' } } : d,
    )
    const written = await publish(store, withdrawn, LATER)
    expect(written.filter((k) => k.includes(':sitemap:'))).toEqual([keys.sitemapPart(1), keys.sitemapIndex()])
    expect(written.length).toBeLessThanOrEqual(10)
    expect(part(store, 1).articles.map((a) => a.slug)).not.toContain('a-010')
    expect(index(store).parts[0]?.count).toBe(49)
  })

  it('lists an added article within the budget, and keeps the news list to the last 48 hours, newest first', async () => {
    const store = new MemoryKvStore()
    await publish(store, many())
    const fresh = buildDraft('breaking', { published: '2026-11-25T09:00:00+08:00' })
    const older = buildDraft('yesterday', { published: '2026-11-23T12:00:00+08:00' })
    // 50 hours before the publish: out of the news window.
    const stale = buildDraft('two-days-ago', { published: '2026-11-23T08:00:00+08:00' })
    const written = await publish(store, [...many(), stale, older, fresh], LATER)
    expect(written.length).toBeLessThanOrEqual(2 * 10)
    expect(index(store).news.map((n) => [n.slug, n.published])).toEqual([
      ['breaking', '2026-11-25T09:00:00+08:00'],
      ['yesterday', '2026-11-23T12:00:00+08:00'],
    ])
    expect(
      part(store, 3)
        .articles.map((a) => a.slug)
        .slice(-3),
    ).toEqual(['two-days-ago', 'yesterday', 'breaking'])
  })

  it('lists every live article once when a site published before sitemaps existed publishes again', async () => {
    const store = new MemoryKvStore()
    const drafts = many()
    await publish(store, drafts)
    for (const key of [...store.values.keys()]) if (key.includes(':sitemap:')) store.values.delete(key)
    await publish(
      store,
      [...drafts, buildDraft('new-one', { published: '2026-11-25T09:00:00+08:00' })],
      LATER,
    )
    expect(index(store).parts.map((p) => p.count)).toEqual([50, 50, 21])
  })

  it('reads every part a publish touches in one round (adding 300 articles across seven parts)', async () => {
    const store = new MemoryKvStore()
    const drafts = many()
    await publish(store, drafts)
    const more = Array.from({ length: 300 }, (_, i) =>
      buildDraft(`b-${String(i).padStart(3, '0')}`, { published: '2026-11-20T08:00:00+08:00' }),
    )
    store.reads.length = 0
    await publish(store, [...drafts, ...more], LATER)
    expect(index(store).parts.map((p) => p.count)).toEqual([50, 50, 50, 50, 50, 50, 50, 50, 20])
    const partReads = store.reads.filter((k) => k.startsWith('v2:sitemap:') && k !== keys.sitemapIndex())
    expect(partReads).toEqual([3, 4, 5, 6, 7, 8, 9].map(keys.sitemapPart))
  })

  it('lists a part too long for one sitemap as pieces in the index, each within 200 KB, and an edit rewrites one part', async () => {
    const store = new MemoryKvStore()
    // 50 articles of 40 sections: about 400 KB of section pages in part 1.
    const long = many()
      .slice(0, 60)
      .map((d) => ({
        ...d,
        sections: Array.from({ length: 40 }, (_, i) =>
          buildDraftSection(`section-${'x'.repeat(40)}-${i}`, { photos: [] }),
        ),
      }))
    await publish(store, long)
    const listed = index(store).parts.map((p) => [p.page, p.piece, p.count])
    const pieces = sitemapPieces(part(store, 1).articles)
    expect(pieces.length).toBeGreaterThan(1)
    expect(listed).toEqual([...pieces.map((p, i) => [1, i + 1, p.length]), [2, 1, 10]])
    const site = buildSiteConfig()
    for (const piece of pieces)
      expect(Buffer.byteLength(renderSitemap(piece, site))).toBeLessThanOrEqual(SITEMAP_PART_BYTES)
    const edited = long.map((d) =>
      d.slug === 'a-003'
        ? { ...d, sections: d.sections.map((x, i) => (i === 0 ? { ...x, paragraphs: ['改过的段落。'] } : x)) }
        : d,
    )
    const written = await publish(store, edited, LATER)
    expect(written.filter((k) => k.includes(':sitemap:'))).toEqual([keys.sitemapPart(1), keys.sitemapIndex()])
  })
})
