import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { buildEntries, emptySnapshot } from '../../editor/publish/build-entries.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { stopMessages } from '../../editor/publish/stop-messages.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import {
  parseArticleHistory,
  parseArticleValue,
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseStoredArticle,
} from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { FeedLogEntry } from '../../model/store-values.ts'
import { buildDraft, buildDraftPhoto, buildDraftSection } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const LATER = new Date('2026-11-25T02:00:00Z')

/** Publishes drafts into the store as content:publish does (build, stop checks, ordered writes). */
async function publish(
  store: MemoryKvStore,
  drafts: readonly DraftArticle[],
  now = NOW,
  allowRevert: ReadonlySet<string> = new Set(),
) {
  const built = await buildWithStore(store, drafts, { now, allowRevert })
  const stop = stopMessages(built.report, 'content')
  const plan = await planWrites(store, built)
  if (stop.length === 0) await applyWrites(store, plan)
  return { built, plan, stop, written: plan.steps.flatMap(([, e]) => e.map((x) => x.key)) }
}

const articleOf = (store: MemoryKvStore, slug: string) =>
  parseArticleValue(store.json(keys.article(slug))).article
const headOf = (store: MemoryKvStore) => parseFeedHeadValue(store.json(keys.feedHead()))
const itemsOf = (entries: readonly FeedLogEntry[]) =>
  entries.flatMap((e) => ('section' in e ? [`${e.article.slug}/${e.section.id}`] : []))
const dated = (slug: string, day: number) =>
  buildDraft(slug, { published: `2020-12-${String(day).padStart(2, '0')}T08:00:00+08:00` })

describe('buildEntries', () => {
  it('writes each article, its history and both heads as values the Worker parsers accept', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft('a-one'), buildDraft('b-two')])
    expect(articleOf(store, 'a-one').sections).toHaveLength(2)
    expect(parseArticleHistory(store.json(keys.history('a-one'))).slot).toBe(0)
    expect(parseIndexHeadValue(store.json(keys.indexHead())).articles.map((a) => a.slug)).toEqual([
      'a-one',
      'b-two',
    ])
    expect(headOf(store).items).toHaveLength(4)
  })

  it('is pure: the same drafts, snapshot and clock give the same entries', () => {
    const a = buildEntries([buildDraft()], emptySnapshot(), { now: NOW })
    const b = buildEntries([buildDraft()], emptySnapshot(), { now: NOW })
    expect(a.needs).toEqual([])
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('stores each rendition used by several photos once, as bytes under a content-hashed media key', () => {
    const shared = buildDraftPhoto('same')
    const draft = buildDraft('a-one', {
      sections: [buildDraftSection('x', { photos: [shared] }), buildDraftSection('y', { photos: [shared] })],
    })
    const built = buildEntries([draft], emptySnapshot(), { now: NOW })
    const media = built.media
    expect(media.map((e) => e.metadata.type).sort()).toEqual([
      'image/jpeg',
      'image/jpeg',
      'image/webp',
      'image/webp',
    ])
    for (const e of media) {
      expect(e.key).toMatch(/^v2:media:[0-9a-f]{32}\.(?:jpg|webp)$/)
      expect(e.value).toBeInstanceOf(Uint8Array)
    }
    const photo = built.articlesBuilt[0]?.sections[0]?.photos[0]
    const names = media.map((e) => `/media/${e.key.slice('v2:media:'.length)}`)
    expect(photo?.renditions.map((r) => r.src).sort()).toEqual(names.sort())
    // src, type and size are the widest JPEG: what renderers that know nothing of renditions show.
    expect(photo).toMatchObject({ type: 'image/jpeg', width: 1200, height: 800 })
  })
})

describe('the "all" feed as a log (RFC 5005 archives)', () => {
  it('numbers items from the oldest article and completes archive pages of 20 items', async () => {
    const store = new MemoryKvStore()
    const drafts = Array.from({ length: 30 }, (_, i) => dated(`art-${i}`, (i % 28) + 1))
    await publish(store, drafts)
    const page = parseFeedArchiveValue(store.json(keys.feedArchive(1)))
    expect(page.items.map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(itemsOf(page.items).slice(0, 2)).toEqual(['art-0/second', 'art-0/first'])
    const head = headOf(store)
    expect(head.size).toBe(20)
    expect(head.archived).toBe(3)
    expect(head.next).toBe(60)
    // The head keeps the newest complete page and the open part: a full page of the newest items to show.
    expect(head.items.map((e) => e.n)[0]).toBe(40)
  })

  it('keeps 50-item pages for a feed whose head was written before heads recorded their page size', async () => {
    const store = new MemoryKvStore()
    // No page complete yet, as a head of the first v2 publishes could be.
    await publish(
      store,
      Array.from({ length: 8 }, (_, i) => dated(`art-${i}`, (i % 28) + 1)),
    )
    expect(headOf(store).archived).toBe(0)
    const stored = store.values.get(keys.feedHead())
    const { size: _, ...unsized } = store.json(keys.feedHead()) as Record<string, unknown>
    store.values.set(keys.feedHead(), { value: JSON.stringify(unsized), metadata: stored?.metadata ?? {} })
    expect(headOf(store).size).toBe(50)
    await publish(
      store,
      Array.from({ length: 30 }, (_, i) => dated(`art-${i}`, (i % 28) + 1)),
      LATER,
    )
    const head = headOf(store)
    expect(head.size).toBe(50)
    expect(head.archived).toBe(1)
    expect(parseFeedArchiveValue(store.json(keys.feedArchive(1))).items).toHaveLength(50)
  })

  it('adds an article to a site of 120 by writing O(1) values: the article, its history, its media, heads', async () => {
    const store = new MemoryKvStore()
    await publish(
      store,
      Array.from({ length: 120 }, (_, i) => dated(`art-${i}`, (i % 28) + 1)),
    )
    const before = new Map(store.values)
    const { written, plan } = await publish(
      store,
      [
        ...Array.from({ length: 120 }, (_, i) => dated(`art-${i}`, (i % 28) + 1)),
        buildDraft('new-one', { sections: [buildDraftSection('new-a'), buildDraftSection('new-b')] }),
      ],
      LATER,
    )
    const media = written.filter((k) => k.startsWith('v2:media:'))
    expect(written.length - media.length).toBeLessThanOrEqual(10)
    expect(media).toHaveLength(8)
    expect(plan.deletes).toEqual([])
    for (const page of [1, 2, 3, 4])
      expect(store.values.get(keys.feedArchive(page))).toBe(before.get(keys.feedArchive(page)))
    expect(itemsOf(headOf(store).items).slice(-2)).toEqual(['new-one/new-b', 'new-one/new-a'])
  })

  it('writes nothing when KV already holds the same content, reading nothing but the listing', async () => {
    const store = new MemoryKvStore()
    const drafts = Array.from({ length: 80 }, (_, i) => dated(`art-${i}`, (i % 28) + 1))
    await publish(store, drafts)
    store.reads.length = 0
    const again = await publish(store, drafts, LATER)
    expect(again.plan.counts).toMatchObject({ written: 0, deleted: 0 })
    expect(store.reads.filter((k) => k.startsWith('v2:article:') || k.startsWith('v2:history:'))).toEqual([])
  })
})

describe('section times', () => {
  it('gives the sections of a new article its publication time, a second apart, the first section latest', () => {
    const article = buildEntries([buildDraft()], emptySnapshot(), { now: NOW }).articlesBuilt[0]
    expect(article?.sections.map((s) => s.updated)).toEqual([
      '2020-12-22T08:00:01+08:00',
      '2020-12-22T08:00:00+08:00',
    ])
    expect(article?.updated).toBe('2020-12-22T08:00:01+08:00')
  })

  it('never gives two sections the same time, even across articles published together', () => {
    const built = buildEntries([buildDraft('a-one'), buildDraft('b-two')], emptySnapshot(), { now: NOW })
    const times = built.articlesBuilt.flatMap((a) => a.sections.map((s) => Date.parse(s.updated)))
    expect(new Set(times).size).toBe(4)
  })

  it('stamps an edited section with the publish time in the article offset and keeps the others', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft()])
    const edited = buildDraft('qijiang-strategic-pivot', {
      sections: [buildDraftSection('first', { paragraphs: ['改过的段落。'] }), buildDraftSection('second')],
    })
    await publish(store, [edited], LATER)
    const article = articleOf(store, 'qijiang-strategic-pivot')
    expect(article.sections.map((s) => s.updated)).toEqual([
      '2026-11-25T10:00:00+08:00',
      '2020-12-22T08:00:00+08:00',
    ])
    expect(article.updated).toBe('2026-11-25T10:00:00+08:00')
  })

  it('stamps a section added to a published article with the publish time', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft()])
    const grown = buildDraft('qijiang-strategic-pivot', {
      sections: [buildDraftSection('first'), buildDraftSection('second'), buildDraftSection('third')],
    })
    await publish(store, [grown], LATER)
    expect(articleOf(store, 'qijiang-strategic-pivot').sections[2]?.updated).toBe('2026-11-25T10:00:00+08:00')
  })

  it('uses the time an editor wrote on a section', () => {
    const draft = buildDraft('a-one', {
      sections: [buildDraftSection('x', { updated: '2021-01-01T00:00:00+08:00' })],
    })
    expect(buildEntries([draft], emptySnapshot(), { now: NOW }).articlesBuilt[0]?.sections[0]?.updated).toBe(
      '2021-01-01T00:00:00+08:00',
    )
  })

  it("never stamps earlier than the newest stamp the article had, whatever this checkout's clock says", async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft()])
    await publish(
      store,
      [
        buildDraft('qijiang-strategic-pivot', {
          title: 'x',
          sections: [buildDraftSection('first', { paragraphs: ['一'] }), buildDraftSection('second')],
        }),
      ],
      LATER,
    )
    const slowClock = new Date('2026-01-01T00:00:00Z')
    await publish(
      store,
      [
        buildDraft('qijiang-strategic-pivot', {
          sections: [buildDraftSection('first', { paragraphs: ['二'] }), buildDraftSection('second')],
        }),
      ],
      slowClock,
    )
    const first = articleOf(store, 'qijiang-strategic-pivot').sections[0]?.updated ?? ''
    expect(Date.parse(first)).toBeGreaterThan(Date.parse('2026-11-25T10:00:00+08:00'))
  })

  it('keeps section times when the article value is lost (the history key still has them)', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft()])
    const edited = buildDraft('qijiang-strategic-pivot', {
      sections: [buildDraftSection('first', { paragraphs: ['改过的段落。'] }), buildDraftSection('second')],
    })
    await publish(store, [edited], LATER)
    await store.delete([keys.article('qijiang-strategic-pivot')])
    await publish(store, [edited], new Date('2026-11-26T02:00:00Z'))
    expect(articleOf(store, 'qijiang-strategic-pivot').sections[0]?.updated).toBe('2026-11-25T10:00:00+08:00')
  })

  it('keeps section times when the history key is lost (the article value carries them too)', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft()])
    await store.delete([keys.history('qijiang-strategic-pivot')])
    await publish(store, [buildDraft('qijiang-strategic-pivot', { title: '新标题' })], LATER)
    expect(articleOf(store, 'qijiang-strategic-pivot').sections[0]?.updated).toBe('2020-12-22T08:00:01+08:00')
  })
})

describe('several editors', () => {
  it('stops, naming the article, when a published article is missing from the tree', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft('a-one'), buildDraft('x-story')])
    const before = new Map(store.values)
    const run = await publish(store, [buildDraft('a-one', { title: '改' })], LATER)
    expect(run.stop.join('\n')).toMatch(
      /published but not in content\/articles\/: x-story\. .*pull .*withdrawn: .*aliases:/,
    )
    expect(store.values).toEqual(before)
  })

  it("stops when a stale checkout would revert a colleague's edit, unless allowed", async () => {
    const store = new MemoryKvStore()
    const original = buildDraft('a-one')
    await publish(store, [original])
    await publish(store, [buildDraft('a-one', { title: '同事改过的标题' })], LATER)
    const stale = await publish(store, [original], LATER)
    expect(stale.stop.join('\n')).toMatch(/older version of a-one .*--allow-revert a-one/)
    expect(articleOf(store, 'a-one').title).toBe('同事改过的标题')
    await publish(store, [original], LATER, new Set(['a-one']))
    expect(articleOf(store, 'a-one').title).toBe('标题 a-one')
  })
})

describe('withdrawal and renames', () => {
  it('replaces a withdrawn article with a Gone value, takes its items out and appends tombstones', async () => {
    const store = new MemoryKvStore()
    await publish(store, [
      buildDraft('a-one'),
      buildDraft('b-two', { sections: [buildDraftSection('only-b')] }),
    ])
    const withdrawn = buildDraft('b-two', {
      sections: [buildDraftSection('only-b')],
      withdrawn: { at: '2026-11-25T10:00:00+08:00', reason: '应当事人要求' },
    })
    const run = await publish(store, [buildDraft('a-one'), withdrawn], LATER)
    const stored = parseStoredArticle(store.json(keys.article('b-two')))
    expect(stored.kind).toBe('gone')
    expect(JSON.stringify(store.json(keys.article('b-two')))).not.toContain('段落')
    const head = headOf(store)
    expect(itemsOf(head.items)).toEqual(['a-one/second', 'a-one/first'])
    expect(head.items.flatMap((e) => ('deleted' in e ? [e.deleted.sectionId] : []))).toEqual(['only-b'])
    expect(parseIndexHeadValue(store.json(keys.indexHead())).articles.map((a) => a.slug)).toEqual(['a-one'])
    // The four renditions of its one photo, used by no other article.
    expect(run.plan.deletes).toHaveLength(4)
    for (const key of run.plan.deletes) expect(key).toMatch(/^v2:media:/)
  })

  it('answers a renamed slug with an alias and takes the old entry off the lists', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft('old-name')])
    await publish(store, [buildDraft('new-name', { aliases: ['old-name'] })], LATER)
    expect(parseStoredArticle(store.json(keys.article('old-name')))).toMatchObject({
      kind: 'moved',
      value: { moved: { to: 'new-name' } },
    })
    expect(parseIndexHeadValue(store.json(keys.indexHead())).articles.map((a) => a.slug)).toEqual([
      'new-name',
    ])
  })

  it('re-stamps the first section when only the lede changes, so readers see the new lede', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft('a-one', { lede: ['旧导语。'] })])
    const before = articleOf(store, 'a-one').sections.map((s) => s.updated)
    await publish(store, [buildDraft('a-one', { lede: ['新导语。'] })], LATER)
    const after = articleOf(store, 'a-one').sections.map((s) => s.updated)
    expect(after[1]).toBe(before[1])
    expect(Date.parse(after[0] ?? '')).toBeGreaterThan(Date.parse(before[0] ?? ''))
    const newest = headOf(store).items.at(-1)
    expect(newest && 'section' in newest ? [newest.section.id, newest.section.paragraphs[0]] : []).toEqual([
      'first',
      '新导语。',
    ])
  })

  it('stamps an edited gallery like a section, and leaves it in place when something else changes', async () => {
    const store = new MemoryKvStore()
    const withGallery = (photos: string[], title = '标题') =>
      buildDraft('a-one', { title, photos: photos.map((p) => buildDraftPhoto(p)) })
    await publish(store, [withGallery(['g1'])])
    const galleryAt = () => parseArticleHistory(store.json(keys.history('a-one'))).items.photos
    const first = galleryAt()
    expect(articleOf(store, 'a-one').galleryUpdated).toBeUndefined()
    await publish(store, [withGallery(['g1'], '新标题')], LATER)
    expect(galleryAt()).toBe(first)
    expect(articleOf(store, 'a-one').galleryUpdated).toBeUndefined()
    const evenLater = new Date('2026-11-26T02:00:00Z')
    await publish(store, [withGallery(['g1', 'g2'], '新标题')], evenLater)
    const article = articleOf(store, 'a-one')
    expect(article.galleryUpdated).toBe('2026-11-26T10:00:00+08:00')
    expect(article.updated).toBe(article.galleryUpdated)
    expect(galleryAt()).toBeGreaterThan(first ?? 0)
    const newest = headOf(store).items.at(-1)
    expect(newest && 'section' in newest ? [newest.section.id, newest.section.updated] : []).toEqual([
      'photos',
      '2026-11-26T10:00:00+08:00',
    ])
  })

  it('keeps section times when a history from before lede hashes meets an edit elsewhere', async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft('a-one')])
    const before = articleOf(store, 'a-one').sections.map((s) => s.updated)
    for (const key of [keys.history('a-one'), keys.article('a-one')]) {
      const stored = store.values.get(key)
      const value = store.json(key) as { lede?: string; history?: { lede?: string } }
      delete value.lede
      delete value.history?.lede
      store.values.set(key, { value: JSON.stringify(value), metadata: stored?.metadata ?? {} })
    }
    await publish(store, [buildDraft('a-one', { title: '新标题', lede: ['新导语。'] })], LATER)
    expect(articleOf(store, 'a-one').sections.map((s) => s.updated)).toEqual(before)
    expect(parseArticleHistory(store.json(keys.history('a-one'))).lede).toMatch(/^[0-9a-f]{32}$/)
  })

  it("keeps a renamed section's time and warns about a section that vanished without was=", async () => {
    const store = new MemoryKvStore()
    await publish(store, [buildDraft()])
    const renamed = buildDraft('qijiang-strategic-pivot', {
      sections: [
        buildDraftSection('first'),
        { ...buildDraftSection('second'), id: 'renamed', was: ['second'] },
      ],
    })
    const run = await publish(store, [renamed], LATER)
    expect(run.built.report.warnings).toEqual([])
    expect(articleOf(store, 'qijiang-strategic-pivot').sections[1]?.updated).toBe('2020-12-22T08:00:00+08:00')
    const dropped = buildDraft('qijiang-strategic-pivot', { sections: [buildDraftSection('first')] })
    const again = await publish(store, [dropped], LATER)
    expect(again.built.report.warnings.join('\n')).toMatch(/section "renamed" is gone; .*was=renamed/)
  })
})
