/**
 * A publish in batches plans each batch while the one before it is written (editor/publish/run-publish.ts): it plans
 * from the store as it will be once that batch is written (editor/publish/pending-writes.ts), writes one batch at a
 * time, in order, and leaves exactly what a publish that waited for each batch leaves.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KvEntry } from '../../editor/publish/kv-entry.ts'
import { withPendingWrites } from '../../editor/publish/pending-writes.ts'
import { runPublish } from '../../editor/publish/run-publish.ts'
import { keys } from '../../model/store-keys.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'

const entry = (key: string, value: string, h: string): KvEntry => ({ key, value, metadata: { h } })

describe('the store as a pending plan will leave it', () => {
  async function planned() {
    const store = new MemoryKvStore()
    await store.put([
      entry('v2:a', '"old a"', 'a0'),
      entry('v2:b', '"old b"', 'b0'),
      entry('v2:c', '"c"', 'c0'),
    ])
    const plan = {
      steps: [
        ['articles', [entry('v2:a', '"a1"', 'a1'), entry('v2:d', '"d1"', 'd1')]],
        ['commits', [entry('v2:a', '"a2"', 'a2')]],
      ] as [never, KvEntry[]][],
      deletes: ['v2:b'],
    }
    return { store, view: withPendingWrites(store, plan) }
  }

  it('reads each key the plan writes as its last write, each key it deletes as absent, others as stored', async () => {
    const { view } = await planned()
    const got = await view.getJson(['v2:a', 'v2:b', 'v2:c', 'v2:d', 'v2:e'])
    expect(Object.fromEntries(got)).toEqual({
      'v2:a': 'a2',
      'v2:b': null,
      'v2:c': 'c',
      'v2:d': 'd1',
      'v2:e': null,
    })
    expect([...(await view.list('v2:'))]).toEqual([
      ['v2:a', { h: 'a2' }],
      ['v2:c', { h: 'c0' }],
      ['v2:d', { h: 'd1' }],
    ])
    expect([...((await view.absent(['v2:a', 'v2:b', 'v2:d', 'v2:e'])) ?? [])].sort()).toEqual([
      'v2:b',
      'v2:e',
    ])
  })

  it('never writes: a write through it is refused and the store is untouched', async () => {
    const { store, view } = await planned()
    await expect(view.put([entry('v2:x', '1', 'x')])).rejects.toThrow(/never writes through them/)
    await expect(view.delete(['v2:c'])).rejects.toThrow(/never writes through them/)
    expect(store.json('v2:a')).toBe('old a')
    expect(store.values.has('v2:c')).toBe(true)
  })
})

/**
 * A store whose writes wait, each, until the publish has read from it while they were under way (or, if it never
 * does, until many turns of the event loop have passed): it records what was read during a write.
 */
class SlowWritesKv extends MemoryKvStore {
  writing = 0
  mostAtOnce = 0
  readsWhileWriting: string[] = []
  override async list(prefix: string) {
    if (this.writing > 0) this.readsWhileWriting.push(`list ${prefix}`)
    return super.list(prefix)
  }
  override async getJson(keys: readonly string[]) {
    if (this.writing > 0) this.readsWhileWriting.push(...keys)
    return super.getJson(keys)
  }
  override async put(entries: readonly KvEntry[]) {
    this.writing++
    this.mostAtOnce = Math.max(this.mostAtOnce, this.writing)
    const before = this.readsWhileWriting.length
    for (let turn = 0; turn < 2_000 && this.readsWhileWriting.length === before; turn++)
      await new Promise((next) => setImmediate(next))
    await super.put(entries)
    this.writing--
  }
}

let work: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-pending-'))
  await generateContent(join(work, 'content'), { articles: 7, sections: 2, photos: 0 })
})
afterAll(() => rm(work, { recursive: true, force: true }))

const publishInto = (store: MemoryKvStore) =>
  runPublish({
    root: join(work, 'content'),
    target: { mode: 'local', binding: 'CONTENT', cwd: process.cwd() },
    store,
    dryRun: false,
    now: new Date('2026-11-27T06:00:00Z'),
    cacheDir: join(work, 'renditions'),
    log: () => {},
    batchSize: 3,
  })

describe('a publish in batches', () => {
  it('plans the next batch while the one before is written, one batch written at a time, to the same end', async () => {
    const plain = new MemoryKvStore()
    const slow = new SlowWritesKv()
    const [a, b] = [await publishInto(plain), await publishInto(slow)]
    expect(a.ok && a.batches).toBe(3)
    expect(b.ok && b.batches).toBe(3)
    // The later batches' articles were read (found absent) while an earlier batch was still being written.
    expect(slow.readsWhileWriting.filter((k) => k.startsWith(keys.articlePrefix())).length).toBeGreaterThan(0)
    expect(slow.mostAtOnce).toBe(1)
    expect(slow.values).toEqual(plain.values)
  })
})
