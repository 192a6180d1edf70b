/**
 * Local KV through its files (editor/publish/local-kv-files.ts) answers what workerd answers for the same
 * namespace: listings with metadata (and metadata key by key), JSON values, absence; what it writes and deletes is what workerd then reads
 * (text and bytes, metadata, no blob left behind); and what it reads after a write includes that write.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bridgeKvStore } from '../../editor/publish/bridge-kv-store.ts'
import type { KvStore, KvTarget } from '../../editor/publish/kv-store.ts'
import { localKvFiles } from '../../editor/publish/local-kv-files.ts'
import { bridgeWorker, openLocalKvStore } from '../../editor/publish/local-kv-store.ts'
import { localNamespace } from '../../editor/publish/local-namespace.ts'

const made: string[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function target(): Promise<KvTarget> {
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-kv-files-'))
  made.push(dir)
  return { mode: 'local', binding: 'CONTENT', cwd: process.cwd(), persistTo: dir }
}

const entries = [
  { key: 'v2:article:a', value: '{"t":"甲"}', metadata: { h: 'ha', s: 'sa' } },
  { key: 'v2:article:b', value: '{"t":"乙"}', metadata: { h: 'hb' } },
  { key: 'v2:feed:head', value: '{"n":1}', metadata: { h: 'hf' } },
  { key: 'v2:media:x.png', value: Uint8Array.from([0x89, 0x50, 0xff, 0xfe]), metadata: { h: 'hx' } },
]

/** Every read publish makes, as one store answers them. */
async function reads(s: KvStore) {
  return {
    articles: [...(await s.list('v2:article:'))],
    all: [...(await s.list('v2:'))],
    none: [...(await s.list('v2:topic:'))],
    values: [...(await s.getJson(['v2:article:a', 'v2:feed:head', 'v2:media:x.png', 'v2:missing']))],
    absent: [...((await s.absent(['v2:media:x.png', 'v2:media:y.png', 'v2:article:b'])) ?? [])],
  }
}

/** The namespace of `t` through the bridge Worker in a workerd of its own (what `wrangler dev` would read). */
async function throughWorkerd(t: KvTarget): Promise<KvStore & { bytes(key: string): Promise<number[]> }> {
  const { Miniflare } = await import('miniflare')
  const { worker, kvPersist } = bridgeWorker(t)
  const mf = new Miniflare({ ...worker, kvPersist })
  await mf.ready
  const store = bridgeKvStore(
    (p, body) => mf.dispatchFetch(`http://bridge.invalid${p}`, { method: 'POST', body }),
    'workerd',
    () => mf.dispose(),
  )
  const kv = await mf.getKVNamespace('KV')
  return { ...store, bytes: async (key) => [...new Uint8Array((await kv.get(key, 'arrayBuffer')) ?? [])] }
}

/** workerd processes this process started and that still run. */
async function workerdChildren(): Promise<number> {
  let n = 0
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    // pid (comm) state ppid …: the command name may hold spaces, so fields are read after its closing parenthesis.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (comm === 'workerd' && ppid === process.pid) n++
  }
  return n
}

/** Every blob file of the namespace. */
async function blobFiles(t: KvTarget): Promise<string[]> {
  const { kvPersist, id } = localNamespace(t.cwd, t.binding, t.persistTo ?? '', t.env)
  return readdir(path.join(kvPersist, id, 'blobs'))
}

describe('local KV through its files', () => {
  it('answers listings, values and absence as workerd does', async () => {
    const t = await target()
    // Nothing stored yet: no files to read, so the store writes (and reads) through workerd.
    const writer = await openLocalKvStore(t)
    await writer.put(entries)
    const throughWorkerd = await reads(writer)
    await writer.close()
    const { kvPersist, id } = localNamespace(t.cwd, t.binding, t.persistTo ?? '', t.env)
    const files = localKvFiles(kvPersist, id, 'files')
    expect(files).not.toBeNull()
    if (!files) return
    try {
      const fromFiles = await reads(files)
      expect(fromFiles).toEqual(throughWorkerd)
      expect(fromFiles.articles).toEqual([
        ['v2:article:a', { h: 'ha', s: 'sa' }],
        ['v2:article:b', { h: 'hb' }],
      ])
      expect(fromFiles.absent).toEqual(['v2:media:y.png'])
      // Metadata key by key, as the listing shows it (what publish reads back after writing).
      expect(await files.metadataOf?.(['v2:feed:head', 'v2:article:a', 'v2:missing'])).toEqual(
        new Map([
          ['v2:feed:head', { h: 'hf' }],
          ['v2:article:a', { h: 'ha', s: 'sa' }],
        ]),
      )
    } finally {
      await files.close()
    }
  })

  it('reads what it wrote once it writes', async () => {
    const t = await target()
    const first = await openLocalKvStore(t)
    await first.put(entries)
    await first.close()
    const store = await openLocalKvStore(t)
    try {
      expect([...(await store.list('v2:article:')).keys()]).toEqual(['v2:article:a', 'v2:article:b'])
      await store.put([{ key: 'v2:article:c', value: '{"t":"丙"}', metadata: { h: 'hc' } }])
      await store.delete(['v2:article:a'])
      expect([...(await store.list('v2:article:')).keys()]).toEqual(['v2:article:b', 'v2:article:c'])
      expect((await store.getJson(['v2:article:c'])).get('v2:article:c')).toEqual({ t: '丙' })
    } finally {
      await store.close()
    }
  })

  it("writes a new namespace's first values through workerd, and everything after through its files", async () => {
    const t = await target()
    const store = await openLocalKvStore(t)
    try {
      expect(await workerdChildren()).toBe(0)
      // No files yet: the listing and the first write go through a workerd of the store's own.
      expect(await store.list('v2:')).toEqual(new Map())
      expect(await workerdChildren()).toBe(1)
      await store.put(entries.slice(0, 1))
      // That write created the namespace's files: workerd is gone, and the files answer the rest.
      expect(await workerdChildren()).toBe(0)
      await store.put(entries.slice(1))
      await store.delete(['v2:feed:head'])
      expect([...(await store.list('v2:')).keys()]).toEqual([
        'v2:article:a',
        'v2:article:b',
        'v2:media:x.png',
      ])
      expect(await workerdChildren()).toBe(0)
    } finally {
      await store.close()
    }
    const workerd = await throughWorkerd(t)
    try {
      expect([...(await workerd.list('v2:')).keys()]).toEqual([
        'v2:article:a',
        'v2:article:b',
        'v2:media:x.png',
      ])
      expect(await workerd.bytes('v2:media:x.png')).toEqual([0x89, 0x50, 0xff, 0xfe])
    } finally {
      await workerd.close()
    }
  })

  it('writes and deletes what workerd then reads, bytes and metadata included, leaving no blob behind', async () => {
    const t = await target()
    const first = await openLocalKvStore(t)
    await first.put(entries.slice(0, 1))
    await first.close()
    const { kvPersist, id } = localNamespace(t.cwd, t.binding, t.persistTo ?? '', t.env)
    const files = localKvFiles(kvPersist, id, 'files')
    expect(files).not.toBeNull()
    if (!files) return
    try {
      await files.put(entries)
      await files.put([{ key: 'v2:article:b', value: '{"t":"乙二"}', metadata: { h: 'hb2', s: 'sb2' } }])
      await files.delete(['v2:feed:head', 'v2:never-written'])
    } finally {
      await files.close()
    }
    const workerd = await throughWorkerd(t)
    try {
      expect([...(await workerd.list('v2:'))]).toEqual([
        ['v2:article:a', { h: 'ha', s: 'sa' }],
        ['v2:article:b', { h: 'hb2', s: 'sb2' }],
        ['v2:media:x.png', { h: 'hx' }],
      ])
      const values = await workerd.getJson(['v2:article:a', 'v2:article:b', 'v2:feed:head'])
      expect([...values]).toEqual([
        ['v2:article:a', { t: '甲' }],
        ['v2:article:b', { t: '乙二' }],
        ['v2:feed:head', null],
      ])
      expect(await workerd.absent(['v2:media:x.png', 'v2:feed:head'])).toEqual(new Set(['v2:feed:head']))
      expect(await workerd.bytes('v2:media:x.png')).toEqual([0x89, 0x50, 0xff, 0xfe])
    } finally {
      await workerd.close()
    }
    // One blob per stored value: the replaced and deleted values' blobs are gone.
    expect(await blobFiles(t)).toHaveLength(3)
  })
})
