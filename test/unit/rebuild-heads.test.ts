/** A lost head comes back from the complete pages and the articles' histories, byte for byte. */
import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { type HantEdition, hantEdition, withHantEntries } from '../../editor/hant/hant-writes.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { rebuildHeads } from '../../editor/publish/rebuild-heads.ts'
import { stopMessages } from '../../editor/publish/stop-messages.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { parseFeedHeadValue } from '../../model/parse-store-values.ts'
import { editionKey, keys } from '../../model/store-keys.ts'
import type { SubjectInfo, SubjectKind } from '../../model/subject.ts'
import { buildDraft, buildDraftSection } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const LATER = new Date('2026-11-25T02:00:00Z')

async function publish(
  store: MemoryKvStore,
  drafts: readonly DraftArticle[],
  now = NOW,
  subjects?: Record<SubjectKind, SubjectInfo[]>,
  edition?: HantEdition,
) {
  const built = await buildWithStore(store, drafts, { now, ...(subjects ? { subjects } : {}) })
  expect(stopMessages(built.report, 'content')).toEqual([])
  const plan = await planWrites(store, built)
  await applyWrites(store, edition ? withHantEntries(plan, edition) : plan)
}

const site = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    buildDraft(`art-${i}`, { published: `2020-12-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00` }),
  )

const text = (store: MemoryKvStore, key: string) => store.values.get(key)?.value

/** Loses `lost`, rebuilds, and returns what the rebuild wrote beside what was lost. */
async function loseAndRebuild(store: MemoryKvStore, lost: string[], edition?: HantEdition) {
  const before = lost.map((k) => text(store, k))
  for (const k of lost) store.values.delete(k)
  const { entries } = await rebuildHeads(store, edition)
  return { before, after: lost.map((k) => entries.find((e) => e.key === k)?.value), entries }
}

describe('content:publish --rebuild-heads', () => {
  it('rebuilds both heads exactly, archive pages and edited sections included', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(130))
    const edited = buildDraft('art-3', {
      published: '2020-12-04T08:00:00+08:00',
      sections: [buildDraftSection('first'), { ...buildDraftSection('second'), heading: '改过的小标题' }],
    })
    await publish(store, [...site(130).filter((d) => d.slug !== 'art-3'), edited], LATER)
    expect(parseFeedHeadValue(store.json(keys.feedHead())).archived).toBeGreaterThan(10)
    const { before, after } = await loseAndRebuild(store, [keys.feedHead(), keys.indexHead()])
    expect(after).toEqual(before)
  })

  it('rebuilds only the head that is lost and leaves a usable one alone', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(12))
    store.values.set(keys.indexHead(), { value: '{"version":', metadata: {} })
    const { entries } = await rebuildHeads(store)
    expect(entries.map((e) => e.key)).toEqual([keys.indexHead()])
  })

  it('keeps the 50-item pages of a feed started before heads recorded their size', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(8))
    const { size: _, ...unsized } = store.json(keys.feedHead()) as Record<string, unknown>
    store.values.set(keys.feedHead(), { value: JSON.stringify(unsized), metadata: {} })
    await publish(store, site(60), LATER)
    const { before, after } = await loseAndRebuild(store, [keys.feedHead()])
    expect(parseFeedHeadValue(JSON.parse(String(after[0]))).size).toBe(50)
    expect(after).toEqual(before)
  })

  it('loses only the tombstones that were still in the head', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(30))
    const drafts = site(30).map((d) =>
      d.slug === 'art-29' ? { ...d, withdrawn: { at: '2026-11-25T09:00:00+08:00', reason: '撤稿' } } : d,
    )
    await publish(store, drafts, LATER)
    const original = parseFeedHeadValue(store.json(keys.feedHead()))
    const { after } = await loseAndRebuild(store, [keys.feedHead()])
    const rebuilt = parseFeedHeadValue(JSON.parse(String(after[0])))
    expect(original.items.filter((e) => 'deleted' in e).length).toBeGreaterThan(0)
    expect(rebuilt.items).toEqual(original.items.filter((e) => !('deleted' in e)))
    expect(rebuilt.next).toBeLessThanOrEqual(original.next)
  })

  it('stops with the key to restore when an archive page in between is missing', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(60))
    store.values.delete(keys.feedArchive(2))
    store.values.delete(keys.feedHead())
    await expect(rebuildHeads(store)).rejects.toThrow(`${keys.feedArchive(2)} is missing`)
  })

  it('says nothing needs rebuilding when every head is usable', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(3))
    expect(await rebuildHeads(store)).toEqual({
      entries: [],
      notes: ['every head is usable: nothing to rebuild'],
    })
  })

  it("rebuilds a topic's and a person's feed heads exactly, and the home page's topics with the list head", async () => {
    const subjects: Record<SubjectKind, SubjectInfo[]> = {
      topic: [
        { kind: 'topic', id: 'qijiang', name: '綦江', medtop: 'medtop:20000001' },
        { kind: 'topic', id: 'wansheng', name: '万盛' },
      ],
      person: [{ kind: 'person', id: 'liu-liuyin', name: '刘柳吟' }],
    }
    const store0 = new MemoryKvStore()
    const tagged = site(70).map(
      (d, i): DraftArticle => ({
        ...d,
        ...(i % 3 === 0
          ? { tags: ['綦江', '万盛'], topics: ['qijiang', 'wansheng'] }
          : { topics: ['qijiang'] }),
        byline: { role: 'staff', name: '刘柳吟', id: 'liu-liuyin' },
      }),
    )
    await publish(store0, tagged, NOW, subjects)
    const lost = [
      keys.subjectFeedHead('topic', 'qijiang'),
      keys.subjectFeedHead('topic', 'wansheng'),
      keys.subjectFeedHead('person', 'liu-liuyin'),
      keys.indexHead(),
    ]
    expect(store0.values.has(keys.subjectFeedArchive('topic', 'qijiang', 2))).toBe(true)
    expect(JSON.parse(String(text(store0, keys.indexHead()))).topics).toHaveLength(2)
    const { before, after, entries } = await loseAndRebuild(store0, lost)
    expect(after).toEqual(before)
    await store0.put(entries)
    const built = await buildWithStore(store0, tagged, { now: LATER, subjects })
    expect(stopMessages(built.report, 'content')).toEqual([])
  })

  describe('the zh-tw edition', () => {
    const edition = hantEdition('content')
    const hant = (key: string) => editionKey(key, 'hant')
    const subjects: Record<SubjectKind, SubjectInfo[]> = {
      topic: [{ kind: 'topic', id: 'qijiang', name: '綦江' }],
      person: [{ kind: 'person', id: 'liu-liuyin', name: '刘柳吟' }],
    }
    const tagged = site(60).map(
      (d): DraftArticle => ({
        ...d,
        topics: ['qijiang'],
        byline: { role: 'staff', name: '刘柳吟', id: 'liu-liuyin' },
      }),
    )
    const published = async () => {
      const store = new MemoryKvStore()
      await publish(store, tagged, NOW, subjects, edition)
      return store
    }
    const metadataOf = (store: MemoryKvStore, keys: string[]) =>
      keys.map((k) => store.values.get(k)?.metadata)

    it("rebuilds the edition's lost heads exactly as publish wrote them, with the original's", async () => {
      const store = await published()
      const lost = [
        keys.feedHead(),
        hant(keys.feedHead()),
        hant(keys.indexHead()),
        hant(keys.subjectFeedHead('topic', 'qijiang')),
        hant(keys.subjectFeedHead('person', 'liu-liuyin')),
      ]
      const meta = metadataOf(store, lost)
      const { before, after, entries } = await loseAndRebuild(store, lost, edition)
      expect(after).toEqual(before)
      expect(JSON.parse(String(after[2])).topics).toEqual([{ id: 'qijiang', name: '綦江' }])
      expect(String(after[4])).toContain('劉柳吟')
      await store.put(entries)
      expect(metadataOf(store, lost)).toEqual(meta)
      expect(entries).toHaveLength(lost.length)
    })

    it('leaves usable edition heads alone and says so when nothing is lost', async () => {
      const store = await published()
      expect(await rebuildHeads(store, edition)).toEqual({
        entries: [],
        notes: ['every head is usable: nothing to rebuild'],
      })
    })

    it('leaves the fingerprint off a rebuilt list head when the edition was converted with another glossary', async () => {
      const store = await published()
      store.values.delete(hant(keys.indexHead()))
      const renamed: HantEdition = { ...edition, fingerprint: 'another glossary' }
      const { entries } = await rebuildHeads(store, renamed)
      expect(entries.map((e) => [e.key, e.metadata.g])).toEqual([[hant(keys.indexHead()), '']])
    })

    it('rebuilds nothing of an edition that was never published', async () => {
      const store = new MemoryKvStore()
      await publish(store, tagged, NOW, subjects)
      expect((await rebuildHeads(store, edition)).entries).toEqual([])
    })
  })
})
