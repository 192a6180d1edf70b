/** The publish report names exactly the topic and person feeds whose heads a publish writes (the hub is pinged for them). */
import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { subjectFeedName } from '../../model/feed-urls.ts'
import { subjectOfFeedHeadKey } from '../../model/store-keys.ts'
import type { SubjectInfo } from '../../model/subject.ts'
import { buildDraft } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const subjects: Record<'topic' | 'person', SubjectInfo[]> = {
  topic: ['a', 'b', 'c'].map((id) => ({ kind: 'topic', id, name: `话题${id}` })),
  person: [{ kind: 'person', id: 'shi-liang', name: '石亮' }],
}

/** Article i tagged with `topic`, written by 石亮 (`extra` appended to its first paragraph). */
const draft = (i: number, topic: string, extra = ''): DraftArticle => {
  const d = buildDraft(`art-${i}`, { published: `2020-12-0${i + 1}T08:00:00+08:00` })
  return {
    ...d,
    lede: d.lede.map((p, k) => (k === 0 ? `${p}${extra}` : p)),
    tags: [`话题${topic}`],
    topics: [topic],
    byline: { role: 'staff', name: '石亮', id: 'shi-liang' },
  }
}

async function publish(store: MemoryKvStore, drafts: readonly DraftArticle[]) {
  const built = await buildWithStore(store, drafts, { now: NOW, subjects })
  const plan = await planWrites(store, built)
  await applyWrites(store, plan)
  const headsWritten = plan.steps
    .flatMap(([, entries]) => entries)
    .flatMap((e) => {
      const s = subjectOfFeedHeadKey(e.key)
      return s ? [subjectFeedName(s.kind, s.id)] : []
    })
  return { named: built.report.subjectFeeds, headsWritten }
}

describe('PublishReport.subjectFeeds', () => {
  it('names each topic and person feed whose head is written, and no other', async () => {
    const store = new MemoryKvStore()
    const first = await publish(store, [draft(0, 'a'), draft(1, 'b')])
    // The first publish creates every defined subject's feed, an empty one (topic c) too.
    expect(first.named.sort()).toEqual(['people/shi-liang', 'topics/a', 'topics/b', 'topics/c'])
    expect(first.named.sort()).toEqual(first.headsWritten.sort())

    const edit = await publish(store, [draft(0, 'a'), draft(1, 'b', '又一句。')])
    expect(edit.named.sort()).toEqual(['people/shi-liang', 'topics/b'])
    expect(edit.named.sort()).toEqual(edit.headsWritten.sort())
  })

  it('names nothing for a publish that writes nothing', async () => {
    const store = new MemoryKvStore()
    await publish(store, [draft(0, 'a')])
    expect(await publish(store, [draft(0, 'a')])).toEqual({ named: [], headsWritten: [] })
  })
})
