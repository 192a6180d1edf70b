/**
 * A publish reads back what it wrote: values a KV silently did not keep (Cloudflare's bulk write can name them in
 * `unsuccessful_keys` and still answer success; wrangler does not say) are written again, or the publish fails.
 */
import { describe, expect, it } from 'vitest'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import type { KvEntry } from '../../editor/publish/kv-entry.ts'
import { UnkeptWritesError, verifyWrites } from '../../editor/publish/verify-writes.ts'
import { applyWrites, planWrites, type WritePlan } from '../../editor/publish/write-plan.ts'
import { editionKey, keys } from '../../model/store-keys.ts'
import { buildDraft } from '../fixtures/build-draft.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

/** A KV that drops the first `times` writes of each key in `lost`, as a partial bulk write would. */
class ForgetfulKv extends MemoryKvStore {
  readonly dropped: string[] = []
  private readonly left: Map<string, number>
  constructor(lost: ReadonlySet<string>, times: number) {
    super()
    this.left = new Map([...lost].map((k) => [k, times]))
  }
  override async put(entries: readonly KvEntry[]) {
    const kept = entries.filter((e) => {
      const left = this.left.get(e.key) ?? 0
      if (left <= 0) return true
      this.left.set(e.key, left - 1)
      this.dropped.push(e.key)
      return false
    })
    await super.put(kept)
  }
}

/** A Traditional edition's value beside the plan's (publish adds them as editor/hant/hant-writes.ts does). */
const TWIN = editionKey(keys.indexHead(), 'hant')
const withEdition = (plan: WritePlan): WritePlan => ({
  ...plan,
  steps: [...plan.steps, ['heads', [{ key: TWIN, value: '{"version":"tw1"}', metadata: { h: 'tw1' } }]]],
})

/** The same, reading metadata key by key as local KV's files do; it counts the listings made. */
class ForgetfulKeyedKv extends ForgetfulKv {
  listings = 0
  override async list(prefix: string) {
    this.listings++
    return super.list(prefix)
  }
  async metadataOf(keys: readonly string[]) {
    return new Map(
      keys.flatMap((k) => {
        const v = this.values.get(k)
        return v ? [[k, v.metadata] as const] : []
      }),
    )
  }
}

async function publishInto(store: MemoryKvStore, lines: string[] = []) {
  const built = await buildWithStore(store, [buildDraft('a-one'), buildDraft('b-two')], {
    now: new Date('2026-11-24T02:00:00Z'),
  })
  const plan = await planWrites(store, built)
  await applyWrites(store, plan)
  await verifyWrites(store, plan, (l) => lines.push(l))
}

describe('verifyWrites', () => {
  it('writes again what KV did not keep, once, and says so', async () => {
    const store = new ForgetfulKv(new Set([keys.feedHead(), keys.history('a-one')]), 1)
    const lines: string[] = []
    await publishInto(store, lines)
    expect(store.dropped.sort()).toEqual([keys.feedHead(), keys.history('a-one')].sort())
    expect(store.values.has(keys.feedHead())).toBe(true)
    expect(store.values.has(keys.history('a-one'))).toBe(true)
    expect(lines).toEqual(['verify: 2 value(s) not kept by KV; writing them again'])
  })

  it('fails loudly, naming the keys, when KV still does not keep them', async () => {
    const store = new ForgetfulKv(new Set([keys.indexHead()]), 5)
    await expect(publishInto(store)).rejects.toThrow(UnkeptWritesError)
    await expect(publishInto(new ForgetfulKv(new Set([keys.indexHead()]), 5))).rejects.toThrow(
      keys.indexHead(),
    )
  })

  it('checks the final metadata: an article committed without its source hash counts as not kept', async () => {
    const store = new ForgetfulKv(new Set(), 0)
    await publishInto(store)
    const built = await buildWithStore(store, [buildDraft('a-one', { title: '新' }), buildDraft('b-two')], {
      now: new Date('2026-11-25T02:00:00Z'),
    })
    const plan = await planWrites(store, built)
    await applyWrites(store, { ...plan, steps: plan.steps.filter(([step]) => step !== 'commits') })
    const lines: string[] = []
    await verifyWrites(store, plan, (l) => lines.push(l))
    expect(lines).toEqual(['verify: 1 value(s) not kept by KV; writing them again'])
    expect(store.values.get(keys.article('a-one'))?.metadata.s).toEqual(expect.any(String))
  })

  it('reads the metadata of exactly the keys written where the store can, listing nothing', async () => {
    const store = new ForgetfulKeyedKv(new Set([keys.feedHead(), TWIN]), 1)
    const lines: string[] = []
    const built = await buildWithStore(store, [buildDraft('a-one'), buildDraft('b-two')], {
      now: new Date('2026-11-24T02:00:00Z'),
    })
    const plan = await planWrites(store, built)
    await applyWrites(store, withEdition(plan))
    const listed = store.listings
    await verifyWrites(store, withEdition(plan), (l) => lines.push(l))
    expect(store.listings).toBe(listed)
    expect(lines).toEqual(['verify: 2 value(s) not kept by KV; writing them again'])
    expect(store.values.has(keys.feedHead())).toBe(true)
  })

  it('writes nothing more when everything was kept', async () => {
    const store = new ForgetfulKv(new Set(), 0)
    const lines: string[] = []
    await publishInto(store, lines)
    expect(lines).toEqual([])
  })
})
