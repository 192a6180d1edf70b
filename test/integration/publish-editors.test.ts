/**
 * Several editors, one KV: two checkouts sharing one --persist-to on a tree past 1,000 keys (where wrangler's own
 * local listing stops), a stale checkout, and two publishes at once (one slowed between its write steps).
 */
import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArticleValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { assertConsistent, localKv } from '../helpers/local-kv.ts'
import { runEditor } from '../helpers/run-command.ts'
import { waitUntil } from '../helpers/wait-until.ts'

let work: string
let state: string
let a: string
let b: string

const publish = (root: string, env: Record<string, string> = {}, ...extra: string[]) =>
  runEditor('publish', ['--local', '--persist-to', state, '--root', root, ...extra], 600_000, env)

async function articleOf(slug: string) {
  const kv = await localKv(state)
  try {
    return parseArticleValue((await kv.getJson([keys.article(slug)])).get(keys.article(slug))).article
  } finally {
    await kv.close()
  }
}

async function retitle(root: string, slug: string, title: string) {
  const file = join(root, 'articles', `${slug}.md`)
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`))
}

/** Resolves once `file` exists (the slowed publish reached its pause), or fails after five minutes saying so. */
function until(file: string): Promise<true> {
  const exists = () =>
    access(file).then(
      () => true as const,
      () => false as const,
    )
  return waitUntil(`the slowed publish reaching its pause (${file} written)`, exists, 300_000)
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-editors-'))
  state = join(work, 'state')
  a = join(work, 'a', 'content')
  b = join(work, 'b', 'content')
  // 1,005 articles: publish lists only the article keys, so that listing must page past 1,000 (where
  // wrangler's own local listing stops) for a no-op to see every article as unchanged.
  await generateContent(a, { articles: 1005, sections: 1, photos: 0 })
  await cp(a, b, { recursive: true })
  const first = await publish(a)
  expect(first.code).toBe(0)
}, 900_000)
afterAll(() => rm(work, { recursive: true, force: true }))

describe('two checkouts sharing one KV', { timeout: 600_000 }, () => {
  it('writes nothing on a no-op over more than 1,000 article keys', async () => {
    const res = await publish(b)
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/1005 unchanged/)
    expect(res.stdout).toMatch(/nothing to write/)
  })

  it("stops when the other checkout lacks an article: never deletes a colleague's work", async () => {
    await generateContent(a, { articles: 1, sections: 1, photos: 0, firstIndex: 5000 })
    expect((await publish(a)).code).toBe(0)
    await retitle(b, 'bench-article-3', 'B 改的标题')
    const res = await publish(b)
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/published but not in .*: bench-article-5000\. .*pull/)
    expect((await articleOf('bench-article-5000')).slug).toBe('bench-article-5000')
    expect((await articleOf('bench-article-3')).title).toBe('基准测试文章 3')
  })

  it('publishes once pulled, stamping the edited article past the 1,000th key', async () => {
    await cp(join(a, 'articles', 'bench-article-5000.md'), join(b, 'articles', 'bench-article-5000.md'))
    const old = await articleOf('bench-article-999')
    const file = join(b, 'articles', 'bench-article-999.md')
    const text = await readFile(file, 'utf8')
    const at = text.lastIndexOf('綦江区')
    await writeFile(file, `${text.slice(0, at)}（更正）${text.slice(at)}`)
    const res = await publish(b)
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/0 added, 2 changed/)
    const now = await articleOf('bench-article-999')
    expect(Date.parse(now.sections[0]?.updated ?? '')).toBeGreaterThan(
      Date.parse(old.sections[0]?.updated ?? ''),
    )
  })

  it("stops a stale checkout from reverting the colleague's edit", async () => {
    const res = await publish(a)
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/older version of bench-article-3 .*pull .*--allow-revert bench-article-3/)
    expect((await articleOf('bench-article-3')).title).toBe('B 改的标题')
  })
})

describe('two publishes at once', { timeout: 600_000 }, () => {
  it('stops the second while the first is paused between its steps, and leaves every aggregate consistent', async () => {
    const paused = join(work, 'paused')
    const resume = join(work, 'resume')
    await retitle(b, 'bench-article-10', '第一个发布')
    const first = publish(b, {
      BROADSHEET_AFTER_STEP: `[ "$STEP" = articles ] && touch ${paused} && while [ ! -f ${resume} ]; do sleep 0.1; done; true`,
    })
    await until(paused)
    await retitle(b, 'bench-article-10', '第二个发布')
    const second = await publish(b)
    expect(second.code).toBe(1)
    expect(second.stderr).toMatch(/another publish is running/)
    await writeFile(resume, '')
    expect((await first).code).toBe(0)
    const kv = await localKv(state)
    try {
      // Every article and photo the heads name is there (a title edit does not move the article into the heads).
      expect((await assertConsistent(kv)).length).toBeGreaterThan(50)
    } finally {
      await kv.close()
    }
    expect((await articleOf('bench-article-10')).title).toBe('第一个发布')
  })
})
