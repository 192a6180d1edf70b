/** A publish that dies part way leaves KV consistent, and publishing again converges to the content. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateContent } from '../../bench/generate-content.ts'
import { parseAllPageValue, parseArticleValue, parseIndexValue } from '../../model/parse-store-values.ts'
import { runBin } from '../helpers/run-command.ts'

let work: string
let root: string
let state: string

const kv = (...args: string[]) =>
  runBin('wrangler', ['kv', ...args, '--binding', 'CONTENT', '--local', '--persist-to', state])
const read = async (key: string): Promise<unknown> =>
  JSON.parse((await kv('key', 'get', key, '--text')).stdout)

function publish(dieAtBulkPut?: number) {
  const env: Record<string, string> = dieAtBulkPut
    ? {
        BROADSHEET_WRANGLER: resolve('test/fixtures/dying-wrangler.sh'),
        REAL_WRANGLER: resolve('node_modules/.bin/wrangler'),
        DIE_AT_BULK_PUT: String(dieAtBulkPut),
        DIE_COUNT_FILE: join(work, `count-${Date.now()}`),
      }
    : {}
  return runBin('tsx', ['editor/publish.ts', '--local', '--persist-to', state, '--root', root], 180_000, env)
}

/** Every article the index and the "all" page name can be read and parsed. */
async function assertConsistent(): Promise<string[]> {
  const index = parseIndexValue(await read('v1:index'))
  const page = parseAllPageValue(await read('v1:all:1'))
  const slugs = new Set([...index.articles.map((a) => a.slug), ...page.items.map((i) => i.article.slug)])
  for (const slug of slugs)
    expect(parseArticleValue(await read(`v1:article:${slug}`)).article.slug).toBe(slug)
  return index.articles.map((a) => a.slug)
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-faults-'))
  root = join(work, 'content')
  state = join(work, 'state')
  await cp('content', root, { recursive: true })
  expect((await publish()).code).toBe(0)
})
afterAll(() => rm(work, { recursive: true, force: true }))

describe('content:publish when wrangler dies between batches', () => {
  it('keeps serving the previous index, every listed article readable', async () => {
    await generateContent(root, { articles: 1, sections: 2, photos: 1 })
    const seed = join(root, 'articles', 'qijiang-strategic-pivot.md')
    await writeFile(seed, (await readFile(seed, 'utf8')).replace(/^title: .*$/m, 'title: 新标题'))
    const res = await publish(2)
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/Run publish again to converge/)
    expect(await assertConsistent()).toEqual(['qijiang-strategic-pivot'])
  })

  it('converges on the next publish, which then has nothing left to write', async () => {
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/articles: 0 added, 0 changed, 0 removed/)
    expect((await assertConsistent()).sort()).toEqual(['bench-article-0', 'qijiang-strategic-pivot'])
    const index = parseIndexValue(await read('v1:index'))
    expect(index.articles.find((a) => a.slug === 'qijiang-strategic-pivot')?.title).toBe('新标题')
    expect((await publish()).stdout).toMatch(/nothing to write/)
  })
})
