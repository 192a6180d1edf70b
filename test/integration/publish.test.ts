/** content:publish --local through real wrangler (its platform proxy), read back through the wrangler CLI. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  parseArticleValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseStoredArticle,
} from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import { runBin, runEditor } from '../helpers/run-command.ts'

let work: string
let root: string
let state: string

const SEED = 'qijiang-strategic-pivot'
const publish = (...extra: string[]) =>
  runEditor('publish', ['--local', '--persist-to', state, '--root', root, ...extra])
const kv = (...args: string[]) =>
  runBin('wrangler', ['kv', ...args, '--binding', 'CONTENT', '--local', '--persist-to', state])
const read = async (key: string): Promise<unknown> =>
  JSON.parse((await kv('key', 'get', key, '--text')).stdout)

/**
 * A digest of every file wrangler keeps for local KV: equal digests mean byte-identical storage. SQLite's shared
 * memory files and empty write-ahead logs are not storage: a reader creates them, and they hold no write.
 */
async function digestOf(dir: string): Promise<string> {
  const hash = createHash('sha256')
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && !e.name.endsWith('-shm'))
    .filter((e) => !e.name.endsWith('-wal') || statSync(join(e.parentPath, e.name)).size > 0)
    .map((e) => join(e.parentPath, e.name))
    .sort()
  for (const f of files) hash.update(f).update(await readFile(f))
  return hash.digest('hex')
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-publish-'))
  root = join(work, 'content')
  state = join(work, 'state')
  await cp('content', root, { recursive: true })
})
afterAll(() => rm(work, { recursive: true, force: true }))

describe('content:publish --local', { timeout: 600_000 }, () => {
  it('writes the seed article, its media, its history and both heads, readable through wrangler', async () => {
    const res = await publish()
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/articles: 1 added, 0 changed, 0 withdrawn, 0 moved, 0 unchanged/)
    const index = parseIndexHeadValue(await read(keys.indexHead()))
    expect(index.articles.map((a) => a.slug)).toEqual([SEED])
    const article = parseArticleValue(await read(keys.article(SEED))).article
    expect(article.sections.map((s) => s.id)).toEqual([
      'wanqi-integration',
      'opening-up',
      'industrial-upgrade',
    ])
    expect(article.sections.flatMap((s) => s.photos).length + article.photos.length).toBe(6)
    // One item per section and one for the gallery (id `photos`): every photo reaches subscribers.
    const items = parseFeedHeadValue(await read(keys.feedHead())).items
    expect(items.flatMap((e) => ('section' in e ? [e.section.id] : [])).sort()).toEqual([
      'industrial-upgrade',
      'opening-up',
      'photos',
      'wanqi-integration',
    ])
    // Six photos, each in AVIF, WebP and JPEG at five widths; test/integration/publish-served.test.ts and
    // photo-end-to-end.test.ts compare bytes through the Worker.
    const listed: unknown = JSON.parse((await kv('key', 'list', '--prefix', keys.media(''))).stdout)
    expect(Array.isArray(listed) && listed.length).toBe(6 * 15)
    const names = Array.isArray(listed) ? listed.map((l: { name: string }) => l.name) : []
    expect(new Set(names.map((n) => n.slice(n.lastIndexOf('.'))))).toEqual(
      new Set(['.avif', '.webp', '.jpg']),
    )
  })

  it('writes nothing at all when the content has not changed', async () => {
    const before = await digestOf(state)
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/nothing to write/)
    expect(await digestOf(state)).toBe(before)
  })

  it('answers a publish of an unchanged tree from the receipt the last publish left, checking nothing', async () => {
    const before = await digestOf(state)
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(
      /local KV \(.*\) already holds this content: the tree, the store and the editor are as the last publish left them; nothing to write/,
    )
    expect(res.stdout).not.toMatch(/articles:/)
    expect(await digestOf(state)).toBe(before)
  })

  it('checks and publishes as usual after another publish, another write to the store, or an edit', async () => {
    const file = join(root, 'articles', `${SEED}.md`)
    const original = await readFile(file, 'utf8')
    // Another editor's tree, its title edited, published into the same store: the receipt no longer holds, and
    // the older version here stops as it always did.
    const theirs = join(work, 'theirs')
    await cp(root, theirs, { recursive: true })
    await writeFile(
      join(theirs, 'articles', `${SEED}.md`),
      original.replace('title: 一个主城', 'title: 四个主城'),
    )
    const other = await runEditor('publish', ['--local', '--persist-to', state, '--root', theirs])
    expect(other.stdout).toMatch(/articles: 0 added, 1 changed/)
    const stopped = await publish()
    expect(stopped.code).toBe(1)
    expect(stopped.stderr).toMatch(/is an older version of qijiang-strategic-pivot than the one published/)
    expect((await publish('--allow-revert', SEED)).stdout).toMatch(/articles: 0 added, 1 changed/)
    const unchanged =
      /articles: 0 added, 0 changed, 0 withdrawn, 0 moved, 1 unchanged[\s\S]*KV already holds this content: nothing to write/
    expect((await publish()).stdout).toMatch(unchanged)
    expect((await publish()).stdout).toMatch(/as the last publish left them; nothing to write/)
    // Writes by another process that leave every value as it was: a key added, then removed, in SQLite's own
    // transactions on the namespace's index.
    const index = join(state, 'v3', 'kv', 'miniflare-KVNamespaceObject')
    const db = (await readdir(index)).find((n) => n.endsWith('.sqlite') && n !== 'metadata.sqlite') ?? ''
    const touch = [
      'import sqlite3, sys',
      'c = sqlite3.connect(sys.argv[1])',
      "c.execute(\"INSERT INTO _mf_entries (key, blob_id, expiration, metadata) VALUES ('test:other', 'none', NULL, NULL)\")",
      'c.commit()',
      'c.execute("DELETE FROM _mf_entries WHERE key = \'test:other\'")',
      'c.commit()',
    ].join('\n')
    expect(spawnSync('python3', ['-c', touch, join(index, db)]).status).toBe(0)
    expect((await publish()).stdout).toMatch(unchanged)
    // A title edited to one of the same length: published, not answered.
    await writeFile(file, original.replace('title: 一个主城', 'title: 两个主城'))
    const edited = await publish()
    expect(edited.code).toBe(0)
    expect(edited.stdout).toMatch(/articles: 0 added, 1 changed/)
    expect(edited.stdout).toMatch(/done: \d+ values written/)
    // Back to the seed's text: an older version, published on purpose.
    await writeFile(file, original)
    expect((await publish('--allow-revert', SEED)).stdout).toMatch(/articles: 0 added, 1 changed/)
  })

  it('prints the plan and writes nothing with --dry-run', async () => {
    const file = join(root, 'articles', `${SEED}.md`)
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace(/^title: .*$/m, 'title: 改过的标题'))
    const before = await digestOf(state)
    const res = await publish('--dry-run')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/articles: 0 added, 1 changed/)
    expect(res.stdout).toMatch(/put v2:article:qijiang-strategic-pivot/)
    expect(await digestOf(state)).toBe(before)
    await writeFile(file, original)
  })

  it('stops on a broken tree with file:line, leaving local KV byte-identical', async () => {
    const file = join(root, 'articles', `${SEED}.md`)
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace(/^published: .*$/m, 'published: 9999-12-31T23:59:59+00:00'))
    const before = await digestOf(state)
    const res = await publish()
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(
      /articles\/qijiang-strategic-pivot\.md:\d+: published "9999-12-31T23:59:59\+00:00" is outside/,
    )
    expect(res.stderr).toMatch(/nothing was written/)
    expect(await digestOf(state)).toBe(before)
    await writeFile(file, original)
  })

  it('never deletes an article whose file is gone: it stops, names it and says what to do', async () => {
    const file = join(root, 'articles', `${SEED}.md`)
    const original = await readFile(file, 'utf8')
    await rm(file)
    const before = await digestOf(state)
    const res = await publish()
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/published but not in .*: qijiang-strategic-pivot\. .*pull/)
    expect(res.stderr).toMatch(/withdrawn: <time> <reason>/)
    expect(await digestOf(state)).toBe(before)
    await writeFile(file, original)
  })

  it('withdraws an article explicitly: a Gone value, its media deleted, a tombstone in the feed', async () => {
    const file = join(root, 'articles', `${SEED}.md`)
    const original = await readFile(file, 'utf8')
    await writeFile(
      file,
      original.replace('\n---\n', '\nwithdrawn: 2026-11-27T10:00:00+08:00 应当事人要求撤稿\n---\n'),
    )
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/1 withdrawn/)
    expect(parseStoredArticle(await read(keys.article(SEED))).kind).toBe('gone')
    const head = parseFeedHeadValue(await read(keys.feedHead()))
    // A tombstone for each of its four items (three sections and the gallery).
    expect(head.items.filter((e) => 'deleted' in e)).toHaveLength(4)
    expect(head.items.filter((e) => 'section' in e)).toHaveLength(0)
    const listed: unknown = JSON.parse((await kv('key', 'list', '--prefix', keys.media(''))).stdout)
    expect(listed).toEqual([])
  })
})
