/**
 * content:check warns before publishing when a slug or a section id of the last commit disappears without
 * `aliases:` or `was=`, in a real git repository holding the seed.
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkContent } from '../../editor/content/check-content.ts'

const SEED = 'qijiang-strategic-pivot'
let repo: string
let root: string
let file: string

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' })
const warningsOf = async (dir = root) =>
  (await checkContent(dir)).warnings.map((w) => `${w.file}: ${w.message}`)
const edit = async (path: string, change: (text: string) => string) =>
  writeFile(path, change(await readFile(path, 'utf8')))

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'broadsheet-renames-'))
  root = join(repo, 'content')
  file = join(root, 'articles', `${SEED}.md`)
  await cp('content', root, { recursive: true })
  git('init', '-q')
  git('-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', 'add', '.')
  git('-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', 'commit', '-qm', 'seed')
})
afterEach(() => rm(repo, { recursive: true, force: true }))

describe('content:check against the last commit', () => {
  it('says nothing when the tree matches the last commit', async () => {
    expect(await warningsOf()).toEqual([])
  })

  it('warns when a published slug disappears without an alias', async () => {
    await edit(file, (t) => t.replace(`slug: ${SEED}`, 'slug: qijiang-pivot'))
    await rename(file, join(root, 'articles', 'qijiang-pivot.md'))
    const warnings = await warningsOf()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      new RegExp(`^articles/${SEED}\\.md: the last commit published slug "${SEED}".*aliases: ${SEED}`),
    )
  })

  it('accepts a renamed slug that keeps the old one as an alias', async () => {
    await edit(file, (t) => t.replace(`slug: ${SEED}`, `slug: qijiang-pivot\naliases: ${SEED}`))
    await rename(file, join(root, 'articles', 'qijiang-pivot.md'))
    expect(await warningsOf()).toEqual([])
  })

  it('warns when a section id disappears, and accepts it renamed with was=', async () => {
    await edit(file, (t) => t.replace('{#opening-up}', '{#open-door}'))
    expect(await warningsOf()).toEqual([expect.stringMatching(/section \{#opening-up\}.*was=opening-up/)])
    await edit(file, (t) => t.replace('{#open-door}', '{#open-door was=opening-up}'))
    expect(await warningsOf()).toEqual([])
  })

  it('says nothing for a tree outside any git repository', async () => {
    const loose = await mkdtemp(join(tmpdir(), 'broadsheet-loose-'))
    try {
      await cp('content', join(loose, 'content'), { recursive: true })
      await rm(join(loose, 'content', 'articles', `${SEED}.md`))
      expect((await checkContent(join(loose, 'content'))).problems).toEqual([])
      expect(await warningsOf(join(loose, 'content'))).toEqual([])
    } finally {
      await rm(loose, { recursive: true, force: true })
    }
  })
})
