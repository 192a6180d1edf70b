import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { stopMessages } from '../../editor/publish/stop-messages.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { parseSubjectFeedHeadValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { SubjectInfo } from '../../model/subject.ts'
import { buildDraft } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const LATER = new Date('2026-11-25T02:00:00Z')
const TOPICS = Array.from({ length: 8 }, (_, i) => ({ id: `topic-${i}`, name: `话题${i}` }))
const subjects: Record<'topic' | 'person', SubjectInfo[]> = {
  topic: TOPICS.map((t) => ({ kind: 'topic', ...t })),
  person: [{ kind: 'person', id: 'shi-liang', name: '石亮' }],
}

/** Articles each tagged with every topic and written by the same person: every log reaches back to page 1. */
const site = (n: number, withdrawn?: string): DraftArticle[] =>
  Array.from({ length: n }, (_, i) => {
    const slug = `art-${i}`
    return {
      ...buildDraft(slug, { published: `2020-12-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00` }),
      tags: TOPICS.map((t) => t.name),
      topics: TOPICS.map((t) => t.id),
      byline: { role: 'staff', name: '石亮', id: 'shi-liang' },
      ...(slug === withdrawn ? { withdrawn: { at: '2026-11-25T09:00:00+08:00', reason: '撤稿' } } : {}),
    }
  })

async function publish(store: MemoryKvStore, drafts: readonly DraftArticle[], now: Date) {
  const built = await buildWithStore(store, drafts, { now, subjects })
  expect(stopMessages(built.report, 'content')).toEqual([])
  await applyWrites(store, await planWrites(store, built))
}

describe('reads of the topic and person logs', () => {
  it('withdraws an old article from every archived page of its nine logs in one publish', async () => {
    const store = new MemoryKvStore()
    await publish(store, site(40), NOW)
    expect(store.values.has(keys.subjectFeedArchive('topic', 'topic-7', 3))).toBe(true)
    await publish(store, site(40, 'art-0'), LATER)
    for (const kind of ['topic', 'person'] as const) {
      const id = kind === 'topic' ? 'topic-7' : 'shi-liang'
      const head = parseSubjectFeedHeadValue(store.json(keys.subjectFeedHead(kind, id)))
      expect(head.items.filter((e) => 'deleted' in e && e.deleted.slug === 'art-0')).toHaveLength(2)
    }
  })

  it('reads the heads of every topic and person a batch names in one round, whatever the batch size', async () => {
    const store = new MemoryKvStore()
    const many = Array.from({ length: 24 }, (_, i) => ({
      kind: 'topic' as const,
      id: `t-${i}`,
      name: `题${i}`,
    }))
    const defined = { topic: many, person: subjects.person }
    const drafts = (n: number): DraftArticle[] =>
      Array.from({ length: n }, (_, i) => ({
        ...buildDraft(`b-${i}`, {
          published: `2020-11-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00`,
        }),
        tags: [`题${i}`],
        topics: [`t-${i}`],
        byline: { role: 'staff' as const, name: '石亮', id: 'shi-liang' },
      }))
    for (const n of [4, 24]) {
      const built = await buildWithStore(store, drafts(n), { now: NOW, subjects: defined })
      expect(stopMessages(built.report, 'content')).toEqual([])
      await applyWrites(store, await planWrites(store, built))
    }
    expect(store.values.has(keys.subjectFeedHead('topic', 't-23'))).toBe(true)
  })
})
