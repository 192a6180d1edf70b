/**
 * A local publish's receipt (editor/publish/publish-receipt.ts): it holds for the very tree, store and editor build
 * that a publish found nothing to write for, and misses after any change to any of them, a change made while that
 * publish looked included. The store here is a folder laid out as Miniflare keeps a KV namespace; the CLI around it
 * is exercised in test/integration/publish.test.ts.
 */
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStamp } from '../../editor/content/file-stamp.ts'
import { publishReceipt } from '../../editor/publish/publish-receipt.ts'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A project folder: wrangler.toml, a lockfile, a content tree and a KV namespace's index files. */
function project() {
  const cwd = mkdtempSync(join(tmpdir(), 'broadsheet-receipt-'))
  made.push(cwd)
  writeFileSync(join(cwd, 'wrangler.toml'), '[[kv_namespaces]]\nbinding = "CONTENT"\nid = "local-content"\n')
  writeFileSync(join(cwd, 'package-lock.json'), '{"lockfileVersion": 3}\n')
  mkdirSync(join(cwd, 'content', 'articles'), { recursive: true })
  mkdirSync(join(cwd, 'content', 'media'))
  writeFileSync(join(cwd, 'content', 'articles', 'one.md'), '---\ntitle: 一\n---\n正文。\n')
  writeFileSync(join(cwd, 'content', 'topics.txt'), '綦江\n')
  const index = join(cwd, 'state', 'v3', 'kv', 'miniflare-KVNamespaceObject')
  mkdirSync(index, { recursive: true })
  for (const name of ['abc.sqlite', 'abc.sqlite-wal', 'abc.sqlite-shm', 'metadata.sqlite'])
    writeFileSync(join(index, name), 'x'.repeat(64))
  const file = (rel: string) => join(cwd, rel)
  /** A receipt as a publish would open it, with the clock past the racy second unless `racy`. */
  const open = (o: { bundle?: string; racy?: boolean } = {}) => {
    const receipt = publishReceipt({
      root: 'content',
      checkCache: join(cwd, '.cache', 'check'),
      target: { mode: 'local', cwd, binding: 'CONTENT', persistTo: 'state' },
      bundle: o.bundle ?? '/repo/.cache/editor/publish-1',
      ...(o.racy ? {} : { now: () => Date.now() + 5_000 }),
    })
    if (!receipt) throw new Error('no receipt for a run from the bundle')
    return receipt
  }
  return { cwd, file, index, open }
}

/** A project whose receipt was recorded by a publish that wrote nothing. */
function recorded() {
  const p = project()
  expect(p.open().record([])).toBe(true)
  return p
}

describe('a local publish receipt', () => {
  it('holds for the same tree, store and editor build once a publish that wrote nothing recorded it', () => {
    const p = project()
    const first = p.open()
    expect(first.holds()).toBeNull()
    expect(first.record([])).toBe(true)
    expect(p.open().holds()).toEqual({ scheduled: [] })
    expect(p.open().holds()).toEqual({ scheduled: [] })
  })

  it("hands the check a stamp of every file of the tree, as the check's own stat takes it", () => {
    const p = project()
    const receipt = p.open()
    for (const rel of ['content', 'content/articles', 'content/articles/one.md', 'content/topics.txt']) {
      expect(receipt.stamps.get(p.file(rel))).toMatch(/^\d+:\d+:\d+:\d+$/)
      expect(receipt.stamps.get(p.file(rel))).toBe(fileStamp(p.file(rel)))
    }
    // Only the tree's: the store's files are the check's business neither.
    expect(receipt.stamps.has(p.file('package-lock.json'))).toBe(false)
  })

  it.each([
    [
      'an article saved with the same length',
      (p: ReturnType<typeof project>) =>
        writeFileSync(p.file('content/articles/one.md'), '---\ntitle: 二\n---\n正文。\n'),
    ],
    [
      'an article added',
      (p: ReturnType<typeof project>) =>
        writeFileSync(p.file('content/articles/two.md'), '---\ntitle: 二\n---\n'),
    ],
    ['an article removed', (p: ReturnType<typeof project>) => unlinkSync(p.file('content/articles/one.md'))],
    ['an empty folder added', (p: ReturnType<typeof project>) => mkdirSync(p.file('content/media/2026'))],
    [
      'a file only touched',
      (p: ReturnType<typeof project>) => chmodSync(p.file('content/topics.txt'), 0o600),
    ],
    [
      'a write to the store (its write-ahead log)',
      (p: ReturnType<typeof project>) => appendFileSync(join(p.index, 'abc.sqlite-wal'), 'y'),
    ],
    [
      'a checkpoint of the store (its index file)',
      (p: ReturnType<typeof project>) => appendFileSync(join(p.index, 'abc.sqlite'), 'y'),
    ],
    ['the store removed', (p: ReturnType<typeof project>) => rmSync(p.file('state'), { recursive: true })],
    [
      'other packages installed (the lockfile)',
      (p: ReturnType<typeof project>) => appendFileSync(p.file('package-lock.json'), '\n'),
    ],
  ])('misses after %s', (_, change) => {
    const p = recorded()
    change(p)
    expect(p.open().holds()).toBeNull()
  })

  it('misses for another build of the editor (its source changed)', () => {
    const p = recorded()
    expect(p.open({ bundle: '/repo/.cache/editor/publish-2' }).holds()).toBeNull()
  })

  it("still holds when only the store's readers touched it (shared memory file, change time)", () => {
    const p = recorded()
    appendFileSync(join(p.index, 'abc.sqlite-shm'), 'y')
    chmodSync(join(p.index, 'abc.sqlite-wal'), 0o600)
    expect(p.open().holds()).toEqual({ scheduled: [] })
  })

  it("still holds when a reader created the store's empty write-ahead log (it holds no write)", () => {
    const p = project()
    rmSync(join(p.index, 'abc.sqlite-wal'))
    expect(p.open().record([])).toBe(true)
    writeFileSync(join(p.index, 'abc.sqlite-wal'), '')
    expect(p.open().holds()).toEqual({ scheduled: [] })
    appendFileSync(join(p.index, 'abc.sqlite-wal'), 'frame')
    expect(p.open().holds()).toBeNull()
  })

  it('is not found by the next publish when the tree or the store changed while the publish looked', () => {
    const p = project()
    const looking = p.open()
    appendFileSync(join(p.index, 'abc.sqlite-wal'), 'y')
    expect(looking.record([])).toBe(true)
    expect(p.open().holds()).toBeNull()
    const again = p.open()
    writeFileSync(p.file('content/articles/one.md'), 'changed while checking')
    expect(again.record([])).toBe(true)
    expect(p.open().holds()).toBeNull()
  })

  it("is not recorded while a file was modified within the clock's margin (a same-tick write would keep its stat)", () => {
    const p = project()
    expect(p.open({ racy: true }).record([])).toBe(false)
    expect(p.open().holds()).toBeNull()
  })

  it('left by a publish that wrote, holds for the same tree whatever the store shows, naming the print to confirm', () => {
    const p = project()
    expect(p.open().record([], 'PRINT-1')).toBe(true)
    appendFileSync(join(p.index, 'abc.sqlite-wal'), 'the lease released, the store closed')
    expect(p.open().holds()).toEqual({ scheduled: [], print: 'PRINT-1' })
    // Confirmed by the caller, it records the store's stats in its place.
    expect(p.open().record([])).toBe(true)
    expect(p.open().holds()).toEqual({ scheduled: [] })
    appendFileSync(join(p.index, 'abc.sqlite-wal'), 'another write')
    expect(p.open().holds()).toBeNull()
  })

  it('left by a publish that wrote, is not found by the next publish when the tree changed while it published', () => {
    const p = project()
    const publishing = p.open()
    writeFileSync(p.file('content/articles/one.md'), 'saved while publishing')
    expect(publishing.record([], 'PRINT-1')).toBe(true)
    expect(p.open().holds()).toBeNull()
  })

  it('is never recorded for a tree holding a symbolic link (its target can change behind it)', () => {
    const p = project()
    symlinkSync(p.file('content/topics.txt'), p.file('content/articles/link.md'))
    expect(p.open().record([])).toBe(false)
    expect(p.open().holds()).toBeNull()
  })

  it('keeps a receipt per tree and store: another tree published beside it does not replace it', () => {
    const p = recorded()
    const other = publishReceipt({
      root: 'content',
      checkCache: join(p.cwd, '.cache', 'check'),
      target: { mode: 'local', cwd: p.cwd, binding: 'CONTENT', persistTo: 'state-2' },
      bundle: '/repo/.cache/editor/publish-1',
    })
    expect(other?.holds()).toBeNull()
    expect(p.open().holds()).toEqual({ scheduled: [] })
  })

  it('repeats the articles still scheduled, and only while their time is ahead', () => {
    const p = project()
    const ahead = new Date(Date.now() + 3_600_000).toISOString()
    const past = new Date(Date.now() + 1_000).toISOString()
    expect(
      p.open().record([
        { slug: 'later', published: ahead },
        { slug: 'soon', published: past },
      ]),
    ).toBe(true)
    expect(p.open().holds()).toEqual({ scheduled: [{ slug: 'later', published: ahead }] })
  })

  it('is absent when the editor does not run from its bundle (no build to name the code)', () => {
    const p = project()
    expect(process.env.BROADSHEET_EDITOR_BUNDLE).toBeUndefined()
    expect(
      publishReceipt({
        root: 'content',
        checkCache: join(p.cwd, '.cache', 'check'),
        target: { mode: 'local', cwd: p.cwd, binding: 'CONTENT', persistTo: 'state' },
      }),
    ).toBeNull()
  })
})
