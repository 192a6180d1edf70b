import { describe, expect, it } from 'vitest'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { stopMessages } from '../../editor/publish/stop-messages.ts'
import { applyWrites, planWrites, type WriteStep } from '../../editor/publish/write-plan.ts'
import { parseSubjectFeedHeadValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { SubjectInfo } from '../../model/subject.ts'
import { buildDraft } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const LATER = new Date('2026-11-25T02:00:00Z')
const subjects: Record<'topic' | 'person', SubjectInfo[]> = {
  topic: [{ kind: 'topic', id: 'qijiang', name: '綦江' }],
  person: [],
}
const tagged = (slug: string, title = `标题 ${slug}`): DraftArticle =>
  ({ ...buildDraft(slug, { title }), topics: ['qijiang'] }) as DraftArticle

class Died extends Error {}

/** Publishes as content:publish does; `dieAfter` stops the writes after that step, as a killed process would. */
async function publish(
  store: MemoryKvStore,
  drafts: readonly DraftArticle[],
  now: Date,
  dieAfter?: WriteStep,
  defined = subjects,
) {
  const built = await buildWithStore(store, drafts, { now, subjects: defined })
  const stop = stopMessages(built.report, 'content')
  if (stop.length > 0) return stop
  const plan = await planWrites(store, built)
  await applyWrites(store, plan, async (step) => {
    if (step === dieAfter) throw new Died(step)
  }).catch((e) => {
    if (!(e instanceof Died)) throw e
  })
  return stop
}

const topicItems = (store: MemoryKvStore) =>
  parseSubjectFeedHeadValue(store.json(keys.subjectFeedHead('topic', 'qijiang'))).items.flatMap((e) =>
    'section' in e ? [`${e.article.slug}/${e.section.id}`] : [],
  )

describe("a topic's feed log when a publish dies", () => {
  for (const site of [[], [buildDraft('untagged')]])
    it(`converges on the next publish when the publish that created the topic died before writing its head (${site.length} article before)`, async () => {
      const store = new MemoryKvStore()
      // The topic is new: the site before knew no topics.
      await publish(store, site, NOW, undefined, { topic: [], person: [] })
      expect(await publish(store, [...site, tagged('a-one')], NOW, 'articles')).toEqual([])
      expect(store.values.has(keys.subjectFeedHead('topic', 'qijiang'))).toBe(false)

      expect(await publish(store, [...site, tagged('a-one')], LATER)).toEqual([])
      expect(topicItems(store).sort()).toEqual(['a-one/first', 'a-one/second'])
      expect(await publish(store, [...site, tagged('a-one')], LATER)).toEqual([])
    })

  it('converges when an edit died after the article step of a topic that already had a head', async () => {
    const store = new MemoryKvStore()
    await publish(store, [tagged('a-one'), tagged('a-two')], NOW)
    await publish(store, [tagged('a-one', '新标题'), tagged('a-two')], LATER, 'articles')
    expect(await publish(store, [tagged('a-one', '新标题'), tagged('a-two')], LATER)).toEqual([])
    const items = topicItems(store)
    expect(items.filter((i) => i.startsWith('a-one/')).sort()).toEqual(['a-one/first', 'a-one/second'])
    expect(new Set(items).size).toBe(items.length)
  })

  it('stops, naming the head, when a head that a finished publish wrote is lost', async () => {
    const store = new MemoryKvStore()
    await publish(store, [tagged('a-one')], NOW)
    store.values.delete(keys.subjectFeedHead('topic', 'qijiang'))
    const stop = await publish(store, [tagged('a-one', '新标题')], LATER)
    expect(stop.join('\n')).toContain(`${keys.subjectFeedHead('topic', 'qijiang')} is missing or unusable`)
  })
})
