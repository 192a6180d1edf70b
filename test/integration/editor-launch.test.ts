/** `node editor/launch.mjs`: the npm scripts run the editor's commands from a bundle, rebuilt when a source changes. */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { wranglerEnv } from '../../editor/publish/wrangler-kv.ts'
import { edit, goodArticle, goodTree, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

const builds: string[] = []
afterEach(async () => {
  await removeTrees()
  for (const dir of builds.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** A folder for bundles inside the repository, where their imports of packages resolve (node_modules). */
async function buildDir(): Promise<string> {
  await mkdir('.cache', { recursive: true })
  const dir = await mkdtemp(path.resolve('.cache', 'launch-test-'))
  builds.push(dir)
  return dir
}

/** Runs the launcher (bounded in time) with its bundles in `build`. */
function launch(build: string, ...args: string[]) {
  const run = spawnSync('node', ['editor/launch.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: wranglerEnv({ BROADSHEET_EDITOR_BUILD: build }),
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const bundles = async (build: string) => (await readdir(build)).filter((n) => !n.endsWith('.json')).sort()

describe('node editor/launch.mjs', { timeout: 120_000 }, () => {
  it('runs content:check from a bundle with the exit code and output of the TypeScript command', async () => {
    const build = await buildDir()
    const bad = await writeTree({
      ...goodTree(),
      'articles/test-article.md': edit(goodArticle(), '{#second}', '{#first}'),
    })
    const failed = launch(build, 'check', '--root', bad)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(
      /content\/articles\/test-article\.md:22: section id "first" is already used on line 12;/,
    )
    expect(launch(build, 'check', '--root', await writeTree(goodTree()))).toEqual({
      code: 0,
      stdout: 'content OK: 1 article, 2 sections, 2 photos\n',
      stderr: '',
    })
    expect(await bundles(build)).toHaveLength(1)
  })

  it('builds once, and again when a file the bundle was built from is not as recorded', async () => {
    const build = await buildDir()
    const root = await writeTree(goodTree())
    expect(launch(build, 'check', '--root', root).code).toBe(0)
    const first = await bundles(build)
    expect(launch(build, 'check', '--root', root).code).toBe(0)
    expect(await bundles(build)).toEqual(first)
    const record = path.join(build, 'check.json')
    const recorded = JSON.parse(await readFile(record, 'utf8')) as { inputs: [string, string][] }
    expect(recorded.inputs.map(([f]) => f)).toContain('editor/check.ts')
    recorded.inputs = recorded.inputs.map(([f, stamp]) =>
      f === 'editor/check.ts' ? [f, `${stamp}0`] : [f, stamp],
    )
    await writeFile(record, JSON.stringify(recorded))
    expect(launch(build, 'check', '--root', root).code).toBe(0)
    const after = await bundles(build)
    expect(after).toHaveLength(2)
    expect(after).toEqual(expect.arrayContaining(first))
  })

  it('runs content:publish from a bundle: a dry run into an empty local KV plans the article', async () => {
    const build = await buildDir()
    const root = await writeTree(goodTree())
    const state = await mkdtemp(path.join(tmpdir(), 'broadsheet-launch-kv-'))
    builds.push(state)
    const run = launch(
      build,
      'publish',
      '--local',
      '--dry-run',
      '--root',
      root,
      '--persist-to',
      state,
      '--cache',
      path.join(state, 'renditions'),
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('articles: 1 added, 0 changed, 0 withdrawn, 0 moved, 0 unchanged')
    expect(run.stdout).toContain('plan (dry run, nothing written)')
  })

  it('refuses a command it does not know, with its usage', () => {
    expect(launch('/nonexistent', 'deploy')).toMatchObject({
      code: 2,
      stderr: 'usage: node editor/launch.mjs publish|check [args]\n',
    })
  })
})
