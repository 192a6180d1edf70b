/** content:publish --local through real wrangler, read back through real wrangler. */
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArticleValue, parseIndexValue } from '../../model/parse-store-values.ts'
import { runBin } from '../helpers/run-command.ts'

let work: string
let root: string
let state: string

const publish = (...extra: string[]) =>
  runBin('tsx', ['editor/publish.ts', '--local', '--persist-to', state, '--root', root, ...extra])
const kv = (...args: string[]) =>
  runBin('wrangler', ['kv', ...args, '--binding', 'CONTENT', '--local', '--persist-to', state])

/** A digest of every file wrangler keeps for local KV: equal digests mean byte-identical storage. */
async function digestOf(dir: string): Promise<string> {
  const hash = createHash('sha256')
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile())
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

describe('content:publish --local', () => {
  it('writes the seed article, its media and the index, readable through wrangler', async () => {
    const res = await publish()
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/articles: 1 added, 0 changed, 0 removed/)
    const index = parseIndexValue(JSON.parse((await kv('key', 'get', 'v1:index', '--text')).stdout))
    expect(index.articles.map((a) => a.slug)).toEqual(['qijiang-strategic-pivot'])
    const article = parseArticleValue(
      JSON.parse((await kv('key', 'get', 'v1:article:qijiang-strategic-pivot', '--text')).stdout),
    ).article
    expect(article.sections.map((s) => s.id)).toEqual([
      'wanqi-integration',
      'opening-up',
      'industrial-upgrade',
    ])
    expect(article.sections.flatMap((s) => s.photos).length + article.photos.length).toBe(6)
    // Six photos, each in AVIF, WebP and JPEG at five widths (the seed's originals are 1600 px wide); the
    // bytes are compared through the Worker in test/integration/photo-end-to-end.test.ts.
    const listed: unknown = JSON.parse((await kv('key', 'list', '--prefix', 'v1:media:')).stdout)
    expect(Array.isArray(listed) && listed.length).toBe(6 * 15)
    const names = Array.isArray(listed) ? listed.map((l: { name: string }) => l.name) : []
    expect(new Set(names.map((n) => n.slice(n.lastIndexOf('.'))))).toEqual(
      new Set(['.avif', '.webp', '.jpg']),
    )
  })

  it('writes nothing when the content has not changed', async () => {
    const before = await digestOf(state)
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/nothing to write/)
    expect(await digestOf(state)).toBe(before)
  })

  it('prints the plan and writes nothing with --dry-run', async () => {
    const file = join(root, 'articles', 'qijiang-strategic-pivot.md')
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace(/^title: .*$/m, 'title: 改过的标题'))
    const before = await digestOf(state)
    const res = await publish('--dry-run')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/articles: 0 added, 1 changed, 0 removed/)
    expect(res.stdout).toMatch(/put v1:article:qijiang-strategic-pivot/)
    expect(await digestOf(state)).toBe(before)
    await writeFile(file, original)
  })

  it('stops on a broken tree with file:line, leaving local KV byte-identical', async () => {
    const file = join(root, 'articles', 'qijiang-strategic-pivot.md')
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace(/^published: .*$/m, 'published: 2020-12-22 08:00'))
    const before = await digestOf(state)
    const res = await publish()
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/articles\/qijiang-strategic-pivot\.md:\d+: /)
    expect(res.stderr).toMatch(/nothing was written/)
    expect(await digestOf(state)).toBe(before)
    await writeFile(file, original)
  })

  it('removes an article whose file is gone, with its media, after the index stops listing it', async () => {
    await rm(join(root, 'articles', 'qijiang-strategic-pivot.md'))
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/articles: 0 added, 0 changed, 1 removed/)
    const listed: unknown = JSON.parse((await kv('key', 'list', '--prefix', 'v1:')).stdout)
    const names = Array.isArray(listed) ? listed.map((x: { name?: unknown }) => x.name) : []
    expect(names.sort()).toEqual(['v1:all:1', 'v1:index', 'v1:publish-state'])
  })
})
