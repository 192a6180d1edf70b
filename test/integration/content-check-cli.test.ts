/** `npm run content:check`: exit codes and output of the real command on good and bad trees. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { edit, goodArticle, goodTree, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

/** `npm run content:check` runs Node on editor/launch.mjs (the checker's esbuild bundle). */
const launch = path.resolve('editor/launch.mjs')

/** Runs the real CLI (bounded in time) and returns its exit code and output. */
function check(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [launch, 'check', ...args], { encoding: 'utf8', timeout: 30_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('npm run content:check', { timeout: 60_000 }, () => {
  it('exits 1 and prints content/FILE:LINE: lines on stderr for a bad tree', async () => {
    const root = await writeTree({
      ...goodTree(),
      'articles/test-article.md': edit(goodArticle(), '{#second}', '{#first}'),
    })
    const { code, stdout, stderr } = check('--root', root)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    const lines = stderr.trim().split('\n')
    expect(lines[0]).toMatch(
      /content\/articles\/test-article\.md:22: section id "first" is already used on line 12;/,
    )
    expect(lines[1]).toBe('1 problem; fix it and run content:check again')
  })

  it('exits 0 with one summary line on stdout for a good tree', async () => {
    const { code, stdout, stderr } = check('--root', await writeTree(goodTree()))
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: 'content OK: 1 article, 2 sections, 2 photos\n',
      stderr: '',
    })
  })

  it('checks content/ by default and passes on the shipped seed, listing its zh-TW review notes', () => {
    const { code, stdout, stderr } = check()
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const lines = stdout.trimEnd().split('\n')
    expect(lines.at(-1)).toBe('content OK: 1 article, 3 sections, 6 photos')
    expect(lines).toContain(
      'content/articles/qijiang-strategic-pivot.md:6: glossary: 刘柳吟 → 劉柳吟 (people, glossary.txt:7) (zh-TW)',
    )
    for (const note of lines.slice(0, -1))
      expect(note).toMatch(
        /^content\/articles\/qijiang-strategic-pivot\.md:\d+: (glossary:|review) .* \(zh-TW\)$/,
      )
  })
})
