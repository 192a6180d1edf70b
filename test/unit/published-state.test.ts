/**
 * The published state a publish leaves, computed from the state it planned against and its writes
 * (editor/publish/published-state.ts), is the state the store then lists: a receipt compares the two, so any
 * difference would cost a full publish where none was needed (never a wrong answer).
 */
import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { publishedState, stateAfter } from '../../editor/publish/published-state.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { buildDraft, buildDraftSection } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

/** Lists in key order, as local KV's files and Cloudflare do. */
class ListedInOrder extends MemoryKvStore {
  override async list(prefix: string) {
    return new Map([...(await super.list(prefix))].sort(([a], [b]) => (a < b ? -1 : 1)))
  }
}

/** Publishes `drafts` at `now`; returns the state computed from the plan and the state the store then lists. */
async function publish(store: MemoryKvStore, drafts: readonly DraftArticle[], now: string) {
  const before = await publishedState(store)
  const built = await buildWithStore(store, drafts, { now: new Date(now) })
  const plan = await planWrites(store, built)
  await applyWrites(store, plan)
  return { computed: stateAfter(before, plan), listed: await publishedState(store), plan }
}

describe('the published state a publish leaves', () => {
  it('is the state the store lists after a first publish, an edit, a withdrawal and a rename', async () => {
    const store = new ListedInOrder()
    const b = (o = {}) => buildDraft('b-two', { sections: [buildDraftSection('only-b')], ...o })
    const steps: [string, DraftArticle[]][] = [
      ['2026-11-24T02:00:00Z', [buildDraft('c-three'), buildDraft('a-one'), b()]],
      ['2026-11-24T03:00:00Z', [buildDraft('c-three'), buildDraft('a-one', { title: '改过' }), b()]],
      [
        '2026-11-24T04:00:00Z',
        [
          buildDraft('c-three'),
          buildDraft('a-one', { title: '改过' }),
          b({ withdrawn: { at: '2026-11-24T12:00:00+08:00', reason: '应当事人要求' } }),
        ],
      ],
      [
        '2026-11-24T05:00:00Z',
        [
          buildDraft('c-renamed', { aliases: ['c-three'] }),
          buildDraft('a-one', { title: '改过' }),
          b({ withdrawn: { at: '2026-11-24T12:00:00+08:00', reason: '应当事人要求' } }),
        ],
      ],
    ]
    for (const [now, drafts] of steps) {
      const { computed, listed, plan } = await publish(store, drafts, now)
      expect(plan.steps.flatMap(([, e]) => e).length).toBeGreaterThan(0)
      expect(computed.print).toBe(listed.print)
      expect([...computed.articles.keys()]).toEqual([...listed.articles.keys()])
    }
    expect([...(await publishedState(store)).articles.keys()]).toEqual([
      'v2:article:a-one',
      'v2:article:b-two',
      'v2:article:c-renamed',
      'v2:article:c-three',
    ])
  })

  it('changes with every publish that writes (what a receipt relies on)', async () => {
    const store = new ListedInOrder()
    const first = await publish(store, [buildDraft('a-one')], '2026-11-24T02:00:00Z')
    const edit = await publish(store, [buildDraft('a-one', { title: '改过' })], '2026-11-24T03:00:00Z')
    expect(edit.listed.print).not.toBe(first.listed.print)
  })
})
