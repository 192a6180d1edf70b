/** The hostile content corpus (test/fixtures/hostile/content plus generated giants): content:check rejects each case by file:line. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import { markupProblem } from '../../editor/content/check-text.ts'
import { removeTrees, writeTree } from '../fixtures/content/content-tree.ts'
import { EXPECTED_CORPUS_PROBLEMS } from '../fixtures/hostile/expected-problems.ts'
import { runEditor } from '../helpers/run-command.ts'

afterEach(removeTrees)

const CORPUS = 'test/fixtures/hostile/content'

/** The committed corpus as a files record for writeTree (so every test checks a fresh copy). */
async function corpusFiles(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {}
  for (const dir of ['articles', 'media'])
    for (const name of await readdir(path.join(CORPUS, dir)))
      files[`${dir}/${name}`] = await readFile(path.join(CORPUS, dir, name))
  return files
}

/** Front matter of a valid article named `slug`, lines 1-7, with the body starting on line 9. */
const head = (slug: string, title = '正常标题') =>
  `---\nslug: ${slug}\ntitle: ${title}\nlang: zh-CN\nbyline: 文/记者 刘柳吟\npublished: 2020-12-22T08:00:00+08:00\n---\n\n`

async function check(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const { problems, articles } = await checkContent(await writeTree(files))
  expect(articles).toEqual([])
  return problems.map((p) => formatProblem(p))
}

describe('content:check on the committed hostile corpus', () => {
  it('rejects every hostile file with its exact file:line messages and lets none through', async () => {
    expect(await check(await corpusFiles())).toEqual(EXPECTED_CORPUS_PROBLEMS)
  })

  it('prints the same lines from the command line and exits 1', async () => {
    const run = await runEditor('check', ['--root', CORPUS], 60_000)
    expect(run.code).toBe(1)
    const n = EXPECTED_CORPUS_PROBLEMS.length
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      ...EXPECTED_CORPUS_PROBLEMS.map((line) => line.replace(/^content\//, `${CORPUS}/`)),
      `${n} problems; fix them and run content:check again`,
    ])
  }, 60_000)
})

describe('content:check on generated hostile files', () => {
  it('rejects a 5 MB paragraph on its line', async () => {
    const huge = 'abcd '.repeat(1_048_576).trim()
    const problems = await check({ 'articles/huge.md': `${head('huge')}## 第一节 {#first}\n\n${huge}\n` })
    expect(problems).toEqual([
      'content/articles/huge.md:11: this paragraph is 5242879 characters long (at most 20000); shorten it or split it with a blank line',
    ])
  })

  it('rejects 10,000 sections at the 501st heading', async () => {
    const sections = Array.from({ length: 10_000 }, (_, i) => `## 第${i}节 {#s-${i}}\n\n段落。\n`).join('\n')
    const problems = await check({ 'articles/many.md': `${head('many')}${sections}` })
    // Section i starts on line 9 + 4i: heading, blank, paragraph, blank.
    expect(problems).toEqual([
      `content/articles/many.md:${9 + 4 * 500}: more than 500 sections; split the article`,
    ])
  })

  it.each([
    ['Latin-1', Uint8Array.from([0x43, 0x61, 0x66, 0xe9])], // "Café"
    ['GBK', Uint8Array.from(Buffer.from('b1eacce2a3baf4ebbdadd0c2cec5', 'hex'))], // "标题：綦江新闻"
  ])('rejects %s bytes on the line that holds them', async (_, bytes) => {
    const [before, after] = head('encoded').split('title: 正常标题')
    const file = Buffer.concat([
      Buffer.from(`${before}title: `),
      bytes,
      Buffer.from(`${after}## 节 {#a}\n\n段。\n`),
    ])
    expect(await check({ 'articles/encoded.md': file })).toEqual([
      'content/articles/encoded.md:3: the file is not valid UTF-8; save it as UTF-8',
    ])
  })

  it('rejects UTF-16 with a byte-order mark on line 1', async () => {
    const text = `${head('utf16')}## 节 {#a}\n\n段。\n`
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(await check({ 'articles/utf16.md': file })).toEqual([
      'content/articles/utf16.md:1: the file is not valid UTF-8; save it as UTF-8',
    ])
  })
})

describe('markupProblem', () => {
  it.each(['1+1>2', 'a < b', '<3 綦江', '<<', 'x <= y', '→ <- ←', '5<6'])('keeps %j legal', (text) => {
    expect(markupProblem('the title', text)).toBeUndefined()
  })

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['"><img src=x onerror=alert(1)>', '<img'],
    ['a</p>', '</p>'],
    ['<!-- x -->', '<!--'],
    ['<?xml version="1.0"?>', '<?xml'],
    ['<svg/onload=alert(1)>', '<svg/onload=alert(1)>'],
  ])('rejects %j naming the markup', (text, shown) => {
    expect(markupProblem('the title', text)).toBe(
      `the title is plain text; remove the markup "${shown}" (for a less-than sign write "< " with a space)`,
    )
  })
})
