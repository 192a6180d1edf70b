/** What a publish writes, in the order that keeps every reader's view consistent, and the writing of it. */
import { keys } from '../../model/store-keys.ts'
import type { BuiltContent } from './build-entries.ts'
import { type KvEntry, valueBytes } from './kv-entry.ts'
import type { KvStore } from './kv-store.ts'

export type WriteStep = 'media' | 'articles' | 'pages' | 'heads' | 'retired' | 'commits'

export interface WritePlan {
  /** Written in this order: nothing points at a value before it is written. */
  steps: [WriteStep, KvEntry[]][]
  /** Deleted last, once nothing written refers to them. */
  deletes: string[]
  /** `edition`: how many of the written values are the Traditional edition's (editor/hant/hant-writes.ts). */
  counts: { written: number; media: number; deleted: number; bytes: number; largest: number; edition: number }
}

/** The counts of a plan's steps and deletes. */
export function countWrites(
  steps: WritePlan['steps'],
  deletes: readonly string[],
  edition = 0,
): WritePlan['counts'] {
  const sizes = steps.flatMap(([, e]) => e).map(valueBytes)
  return {
    written: sizes.length,
    media: steps.find(([step]) => step === 'media')?.[1].length ?? 0,
    deleted: deletes.length,
    bytes: sizes.reduce((a, b) => a + b, 0),
    largest: sizes.reduce((a, b) => Math.max(a, b), 0),
    edition,
  }
}

/** The plan for `built`: media only where KV lacks it (or, remotely, where no history says it was written). */
export async function planWrites(
  store: KvStore,
  built: BuiltContent,
  extraDeletes: readonly string[] = [],
): Promise<WritePlan> {
  const absent = await store.absent(built.media.map((e) => e.key))
  const media = built.media.filter((e) =>
    absent ? absent.has(e.key) : !built.knownMedia.has(e.key.slice(keys.media('').length)),
  )
  const steps: [WriteStep, KvEntry[]][] = [
    ['media', media],
    ['articles', built.articles],
    ['pages', built.pages],
    ['heads', built.heads],
    ['retired', built.retired],
    ['commits', built.commits],
  ]
  const deletes = [...built.deletes, ...extraDeletes]
  return { steps, deletes, counts: countWrites(steps, deletes) }
}

/** Writes the plan step by step; `afterStep` runs between steps (fault tests slow or kill a publish there). */
export async function applyWrites(
  store: KvStore,
  plan: WritePlan,
  afterStep: (step: WriteStep) => Promise<void> = async () => {},
): Promise<void> {
  for (const [step, entries] of plan.steps) {
    await store.put(entries)
    await afterStep(step)
  }
  await store.delete(plan.deletes)
}
