/** A publish that dies between its write steps leaves KV consistent, and publishing again converges. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { assertConsistent, localKv } from '../helpers/local-kv.ts'
import { runEditor } from '../helpers/run-command.ts'

let work: string
let root: string
let state: string

/** Publishes; with `dieAfter`, the publish process is killed (SIGKILL) right after that write step. */
function publish(dieAfter?: string) {
  const env: Record<string, string> = dieAfter
    ? { BROADSHEET_AFTER_STEP: `[ "$STEP" = "${dieAfter}" ] && kill -KILL $PPID; true` }
    : {}
  return runEditor('publish', ['--local', '--persist-to', state, '--root', root], 300_000, env)
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-faults-'))
  root = join(work, 'content')
  state = join(work, 'state')
  await cp('content', root, { recursive: true })
  expect((await publish()).code).toBe(0)
}, 600_000)
afterAll(() => rm(work, { recursive: true, force: true }))

describe('content:publish when it dies between write steps', { timeout: 600_000 }, () => {
  it('keeps serving the previous heads, every listed article readable', async () => {
    await generateContent(root, { articles: 1, sections: 2, photos: 1 })
    const seed = join(root, 'articles', 'qijiang-strategic-pivot.md')
    await writeFile(seed, (await readFile(seed, 'utf8')).replace(/^title: .*$/m, 'title: 新标题'))
    const res = await publish('articles')
    expect(res.code).not.toBe(0)
    const kv = await localKv(state)
    try {
      expect(await assertConsistent(kv)).toEqual(['qijiang-strategic-pivot'])
    } finally {
      await kv.close()
    }
  })

  it('converges on the next publish (lease of the dead run taken over once expired or broken), then writes nothing', async () => {
    const stuck = await publish()
    expect(stuck.code).toBe(1)
    expect(stuck.stderr).toMatch(/another publish is running .*--break-lease/)
    const res = await runEditor(
      'publish',
      ['--local', '--persist-to', state, '--root', root, '--break-lease'],
      300_000,
    )
    expect(res.code).toBe(0)
    const kv = await localKv(state)
    try {
      expect((await assertConsistent(kv)).sort()).toEqual(['bench-article-0', 'qijiang-strategic-pivot'])
      const index = await kv.getJson([keys.indexHead()])
      expect(JSON.stringify(index.get(keys.indexHead()))).toContain('新标题')
    } finally {
      await kv.close()
    }
    expect((await publish()).stdout).toMatch(/nothing to write/)
  })
})
