/** `tsx editor/import.ts`: the real command on the seed, and content:check's verdict on what it writes. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import { importPrintText } from '../../editor/import/import-print-text.ts'
import { parsePhotoLine } from '../../editor/import/parse-photo-line.ts'
import { removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

const SEED = 'test/fixtures/content/seed-print-000_6356c52bb20637ed.txt'
const tsx = path.resolve('node_modules/.bin/tsx')

describe('npm run content:import', { timeout: 60_000 }, () => {
  it('prints the content file on stdout and its notes, prefixed by the file, on stderr', () => {
    const run = spawnSync(tsx, ['editor/import.ts', SEED], { encoding: 'utf8', timeout: 30_000 })
    const { markdown, notes } = importPrintText(readFileSync(SEED, 'utf8'))
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(markdown)
    expect(run.stderr).toBe(notes.map((n) => `${SEED}: ${n}\n`).join(''))
  })

  it('writes to --out instead of stdout', async () => {
    const root = await writeTree({})
    const out = path.join(root, 'articles', 'imported.md')
    const run = spawnSync(tsx, ['editor/import.ts', SEED, '--out', out], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('')
    expect(readFileSync(out, 'utf8')).toBe(importPrintText(readFileSync(SEED, 'utf8')).markdown)
  })

  it('exits 2 with usage when no file is given', () => {
    const run = spawnSync(tsx, ['editor/import.ts'], { encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^usage: npm run content:import -- FILE/)
  })
})

describe('content:check on an unreviewed import', () => {
  it('rejects exactly the placeholders: slug, published and the six image sources', async () => {
    const root = await writeTree({
      'articles/imported.md': importPrintText(readFileSync(SEED, 'utf8')).markdown,
      'people.md': readFileSync('content/people.md', 'utf8'),
    })
    const { problems } = await checkContent(root)
    const printed = problems.map((p) => formatProblem(p))
    expect(printed.slice(0, 2)).toEqual([
      'content/articles/imported.md:2: slug "TODO-choose-an-ascii-slug" is the importer\'s placeholder; choose a stable ASCII slug such as qijiang-strategic-pivot (it is used in URLs forever) and name the file after it',
      'content/articles/imported.md:6: published "TODO-YYYY-MM-DDTHH:MM:SS+08:00" is the importer\'s placeholder; write the print date and time with offset, e.g. 2020-12-22T08:00:00+08:00',
    ])
    expect(printed.slice(2)).toHaveLength(6)
    for (const line of printed.slice(2))
      expect(line).toMatch(
        /^content\/articles\/imported\.md:\d+: the photo source "TODO-image-\d" is an importer placeholder;/,
      )
  })
})

describe('parsePhotoLine', () => {
  it.each([
    ['▲綦江城区一景。记者 石亮 摄', '綦江城区一景。', 'staff', '石亮', '记者 石亮'],
    ['▲高新区一角。通讯员 罗胜 摄', '高新区一角。', 'correspondent', '罗胜', '通讯员 罗胜'],
    ['▲夜色中的大桥。摄影记者 张三 摄', '夜色中的大桥。', 'photographer', '张三', '摄影记者 张三'],
    ['▲记者在现场采访。记者 李四 摄', '记者在现场采访。', 'staff', '李四', '记者 李四'],
    ['▲工地一景。特约撰稿王五摄', '工地一景。', 'contributor', '王五', '特约撰稿王五'],
  ])('reads %s', (line, caption, role, name, text) => {
    expect(parsePhotoLine(line)).toEqual({ caption, credit: { text, credits: [{ role, name }] } })
  })

  it('keeps a line without a credit whole as the caption', () => {
    expect(parsePhotoLine('▲綦城云海。')).toEqual({ caption: '綦城云海。' })
  })
})
