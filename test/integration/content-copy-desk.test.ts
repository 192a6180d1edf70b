/** The copy desk: every warning on a fixture with its file:line, --strict, and --fix changing only the marks. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyDeskWarnings, fixCopyDesk } from '../../editor/content/check-copy-desk.ts'
import { findHalfWidth } from '../../editor/content/half-width-punctuation.ts'
import { PNG_1X1, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

const FIXTURE = 'test/fixtures/copy-desk/copy-desk.txt'
const fixture = () => readFileSync(FIXTURE, 'utf8')
/** `npm run content:check` runs Node on editor/launch.mjs (the checker's esbuild bundle). */
const launch = path.resolve('editor/launch.mjs')
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [launch, 'check', ...args], { encoding: 'utf8', timeout: 30_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('copyDeskWarnings', () => {
  const warnings = () => copyDeskWarnings(fixture().split('\n'))
  const on = (line: number) =>
    warnings()
      .filter((w) => w.line === line)
      .map((w) => w.message)

  it('names each half-width mark among Chinese text with its line, an excerpt and the fix', () => {
    expect(on(3)).toEqual([
      'half-width "(" among Chinese text (綦江(重庆)的答卷…); write "（", or run npm run content:fix',
      'half-width ")" among Chinese text (綦江(重庆)的答卷,一份…); write "）", or run npm run content:fix',
      'half-width "," among Chinese text (…重庆)的答卷,一份清单); write "，", or run npm run content:fix',
    ])
    expect(on(4).map((m) => m.slice(0, 14))).toEqual(['half-width ":"', 'half-width "?"'])
    expect(on(11).map((m) => m.slice(0, 14))).toEqual([
      'half-width ","',
      'half-width ";"',
      'half-width "?"',
      'half-width "!"',
    ])
    expect(on(13).map((m) => m.slice(0, 14))).toEqual(['half-width ":"'])
  })

  it('leaves Latin text, times and numbers alone, and never looks at keys, ids, credits or tags', () => {
    expect(on(21)).toEqual([])
    expect(on(8)).toEqual([])
    expect(findHalfWidth('时间10:30,数字1,000元')).toEqual([])
    expect(findHalfWidth('据悉,1—11月份')).toEqual([{ index: 2, from: ',', to: '，' }])
  })

  it('warns about a paragraph that ends without closing punctuation', () => {
    expect(on(23)).toEqual([
      'half-width "," among Chinese text (…分栏处被截断,走向大江); write "，", or run npm run content:fix',
      'the paragraph ends without closing punctuation ("…被截断,走向大江"): a truncation or a column break? finish the sentence, or join it to the next paragraph',
    ])
  })

  it('warns about alt text identical to the caption', () => {
    expect(on(16)).toEqual([
      'the alt text repeats the caption; describe what the image shows for readers who cannot see it',
    ])
  })

  it('warns about a heading and a caption over a sensible length', () => {
    expect(on(25)).toEqual([
      'the heading is 37 columns long (sensible: at most 30, a CJK character is one column); shorten it to a phrase',
    ])
    expect(on(29)).toEqual([
      'the caption is 103 columns long (sensible: at most 100); move the rest into the text',
    ])
  })
})

describe('fixCopyDesk', () => {
  it('changes only the half-width marks among Chinese text, one character for one', () => {
    const before = fixture().split('\n')
    const { lines, changes } = fixCopyDesk(before)
    expect(changes.map((c) => c.line)).toEqual([3, 4, 11, 13, 23])
    expect(lines[2]).toBe('title: 綦江（重庆）的答卷，一份清单')
    expect(lines[10]).toBe('导语段落，说明全文；并且提问？还有感叹！')
    const changed = [...before.join('\n')].flatMap((c, i) => (c === [...lines.join('\n')][i] ? [] : [c]))
    expect(changed.sort().join('')).toBe('!(),,,::;??'.split('').sort().join(''))
    expect(copyDeskWarnings(lines).filter((w) => w.message.startsWith('half-width'))).toEqual([])
  })
})

describe('npm run content:check with copy-desk warnings', { timeout: 60_000 }, () => {
  const tree = () => writeTree({ 'articles/copy-desk.md': fixture(), 'media/a.png': PNG_1X1 })

  it('prints the warnings as content/FILE:LINE and exits 0', async () => {
    const { code, stdout, stderr } = run('--root', await tree())
    expect(code).toBe(0)
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'content OK: 1 article, 2 sections, 2 photos; 15 copy-desk warnings (--strict fails on them)',
    )
    expect(stderr.split('\n')[0]).toMatch(
      /\/content\/articles\/copy-desk\.md:3: half-width "\(" among Chinese text \(綦江\(重庆\)的答卷…\); write "（", or run npm run content:fix \(warning\)$/,
    )
  })

  it('exits 1 with --strict', async () => {
    const { code, stderr } = run('--root', await tree(), '--strict')
    expect(code).toBe(1)
    expect(stderr.trim().split('\n').at(-1)).toBe('15 problems; fix them and run content:check again')
  })

  it('--fix rewrites the marks, prints the diff, and keeps every other byte (CRLF and BOM too)', async () => {
    const original = `\uFEFF${fixture().replaceAll('\n', '\r\n')}`
    const root = await writeTree({ 'articles/copy-desk.md': original, 'media/a.png': PNG_1X1 })
    const { code, stdout } = run('--root', root, '--fix')
    expect(code).toBe(0)
    expect(stdout).toContain(
      `/content/articles/copy-desk.md:11\n-导语段落,说明全文;并且提问?还有感叹!\n+导语段落，说明全文；并且提问？还有感叹！\n`,
    )
    expect(stdout).toContain('content:fix: 5 lines changed\n')
    const after = await readFile(path.join(root, 'articles/copy-desk.md'), 'utf8')
    const expected = fixCopyDesk(fixture().split('\n')).lines.join('\r\n')
    expect(after).toBe(`\uFEFF${expected}`)
    expect(run('--root', root, '--fix').stdout).toContain('content:fix: 0 lines changed\n')
  })
})
