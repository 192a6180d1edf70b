/**
 * A large publish runs in batches (memory bounded by the batch, not the site): through wrangler's local KV, a tree
 * published in batches of 3 leaves exactly what one batch leaves, and a publish stopped between batches leaves a
 * consistent site that the next publish completes.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KvStore } from '../../editor/publish/kv-store.ts'
import { type PublishOutcome, runPublish } from '../../editor/publish/run-publish.ts'
import { runRebuildHeads } from '../../editor/publish/run-rebuild.ts'
import { editionKey, keys } from '../../model/store-keys.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { assertConsistent, localKv } from '../helpers/local-kv.ts'

const NOW = new Date('2026-11-27T06:00:00Z')
const hant = (key: string) => editionKey(key, 'hant')
let work: string
let root: string

function publish(
  persistTo: string,
  batchSize: number,
  log: (line: string) => void = () => {},
  from = root,
): Promise<PublishOutcome> {
  return runPublish({
    root: from,
    target: { mode: 'local', persistTo, binding: 'CONTENT', cwd: process.cwd() },
    dryRun: false,
    now: NOW,
    cacheDir: join(work, 'renditions'),
    log,
    batchSize,
  })
}

/** Every key with its metadata, and every JSON value: what a reader could ever be served. */
async function everything(persistTo: string): Promise<Record<string, unknown>> {
  const kv: KvStore = await localKv(persistTo)
  try {
    const listing = await kv.list('')
    listing.delete(keys.lease())
    const json = [...listing.keys()].filter((k) => !k.startsWith(keys.media('')))
    const values = await kv.getJson(json)
    return Object.fromEntries([...listing].map(([k, meta]) => [k, { meta, value: values.get(k) ?? null }]))
  } finally {
    await kv.close()
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-batches-'))
  root = join(work, 'content')
  await generateContent(root, { articles: 8, sections: 2, photos: 1 })
})
afterAll(() => rm(work, { recursive: true, force: true }))

describe('a publish in batches', { timeout: 300_000 }, () => {
  it('leaves exactly what a publish in one batch leaves', async () => {
    const whole = await publish(join(work, 'whole'), 1000)
    const batched = await publish(join(work, 'batched'), 3)
    expect(whole.ok && whole.batches).toBe(1)
    expect(batched.ok && batched.batches).toBe(3)
    expect(batched.ok && batched.report.added).toHaveLength(8)
    const a = await everything(join(work, 'whole'))
    expect(Object.keys(a).filter((k) => k.startsWith(keys.articlePrefix()))).toHaveLength(8)
    expect(await everything(join(work, 'batched'))).toEqual(a)
  })

  it('stopped between batches, leaves a consistent site that the next publish completes', async () => {
    const state = join(work, 'stopped')
    const stopped = publish(state, 3, (line) => {
      if (line.startsWith('batch 1 written')) throw new Error('stopped between batches')
    })
    await expect(stopped).rejects.toThrow('stopped between batches')
    const kv = await localKv(state)
    try {
      expect(await assertConsistent(kv)).toHaveLength(3)
    } finally {
      await kv.close()
    }
    const resumed = await publish(state, 3)
    expect(resumed.ok && resumed.report.added).toHaveLength(5)
    expect(await everything(state)).toEqual(await everything(join(work, 'whole')))
  })

  it('stops before writing any batch when a later batch would revert a published edit', async () => {
    const state = join(work, 'stale')
    const colleague = join(work, 'colleague', 'content')
    const stale = join(work, 'stale-checkout', 'content')
    await cp(root, colleague, { recursive: true })
    await cp(root, stale, { recursive: true })
    // Article 7 is the newest: a publish in batches builds it last.
    const newest = (dir: string) => join(dir, 'articles', 'bench-article-7.md')
    const retitle = async (file: string, title: string) =>
      writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`))
    expect((await publish(state, 3, () => {}, colleague)).ok).toBe(true)
    await retitle(newest(colleague), '同事改过的标题')
    expect((await publish(state, 3, () => {}, colleague)).ok).toBe(true)
    // The stale checkout still has the old article 7, and edits every other article.
    for (let i = 0; i < 7; i++) await retitle(join(stale, 'articles', `bench-article-${i}.md`), `改 ${i}`)
    const before = await everything(state)
    const run = await publish(state, 3, () => {}, stale)
    expect(run.ok).toBe(false)
    expect(run.ok ? [] : run.problems).toEqual([
      expect.stringMatching(/bench-article-7\.md is an older version/),
    ])
    expect(await everything(state)).toEqual(before)
  })

  it("rebuilds lost heads from local KV, the zh-tw edition's too, after which a publish writes nothing", async () => {
    const state = join(work, 'whole')
    const before = await everything(state)
    // A topic's Traditional feed head goes too: the edition's heads come back as conversions of the original's.
    const topicHead = Object.keys(before).find((k) => /^v2:zh-tw:topic:[^:]+:feed:head$/.test(k))
    expect(topicHead).toBeDefined()
    const lost = [
      keys.feedHead(),
      keys.indexHead(),
      ...[keys.feedHead(), keys.indexHead()].map(hant),
      String(topicHead),
    ]
    const kv = await localKv(state)
    try {
      await kv.delete(lost)
    } finally {
      await kv.close()
    }
    const stopped = await publish(state, 1000)
    expect(stopped.ok ? [] : stopped.problems).toEqual([expect.stringMatching(/--rebuild-heads/)])
    const target = { mode: 'local' as const, persistTo: state, binding: 'CONTENT', cwd: process.cwd() }
    const rebuilt = await runRebuildHeads({ target, root, dryRun: false, now: NOW, log: () => {} })
    expect(rebuilt).toEqual({ ok: true, written: 5 })
    expect(await everything(state)).toEqual(before)
    const again = await publish(state, 1000)
    expect(again.ok && again.counts.written + again.counts.deleted).toBe(0)
  })
})
