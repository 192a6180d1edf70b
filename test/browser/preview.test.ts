/** `npm run preview` in Chromium: a save republishes and reloads the page, a content error shows, a fix clears it. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../editor/preview/free-port.ts'
import { goodArticle, goodTree, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'
import { type Chromium, launchChromium } from './launch-chromium.ts'

const WAIT = { timeout: 330_000 }
let preview: ChildProcess
let output = ''
let root: string
let persist: string
let url: string
let browser: Chromium
let page: Page

/** Resolves when the preview's output (stdout and stderr) matches, however long the publish takes. */
function outputMatches(pattern: RegExp): Promise<string> {
  return new Promise((done, fail) => {
    const look = () => {
      const m = pattern.exec(output)
      if (m) {
        preview.stdout?.off('data', look)
        preview.stderr?.off('data', look)
        preview.off('exit', exited)
        done(m[0])
      }
    }
    const exited = (code: number | null) => fail(new Error(`preview exited (${code}):\n${output}`))
    preview.stdout?.on('data', look)
    preview.stderr?.on('data', look)
    preview.once('exit', exited)
    look()
  })
}

const article = () => join(root, 'articles/test-article.md')

beforeAll(async () => {
  root = await writeTree(goodTree())
  persist = await mkdtemp(join(tmpdir(), 'broadsheet-preview-'))
  const port = await freePort()
  preview = spawn(
    resolve('node_modules/.bin/tsx'),
    ['editor/preview.ts', '--root', root, '--port', String(port), '--persist-to', persist],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  preview.stdout?.on('data', (d) => (output += d))
  preview.stderr?.on('data', (d) => (output += d))
  url = (await outputMatches(/preview: http:\/\/127\.0\.0\.1:\d+/)).replace('preview: ', '')
  browser = await launchChromium()
  page = await browser.context.newPage()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  if (preview && preview.exitCode === null) {
    const exited = new Promise((done) => preview.once('exit', done))
    preview.kill('SIGTERM')
    await exited
  }
  await rm(persist, { recursive: true, force: true })
  await removeTrees()
}, 60_000)

describe('npm run preview', () => {
  it('serves the published article with the reload script, under the page CSP', async () => {
    await page.goto(`${url}/articles/test-article`)
    expect(await page.locator('h1').textContent()).toBe('测试文章')
    expect(await page.locator('script[src="/__preview/reload.js"]').count()).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    )
  })

  it('republishes and reloads the open page after a save', async () => {
    await writeFile(article(), goodArticle().replace('title: 测试文章', 'title: 测试文章（修订）'))
    await page.locator('h1', { hasText: '测试文章（修订）' }).waitFor(WAIT)
  }, 360_000)

  it('shows a content error in the page and in the terminal as content/FILE:LINE, and keeps running', async () => {
    const broken = (await readFile(article(), 'utf8')).replace('## 第一节 {#first}', '## 第一节')
    await writeFile(article(), broken)
    const overlay = page.locator('#broadsheet-preview-problems', {
      hasText: 'content/articles/test-article.md:12: the section heading has no id',
    })
    await overlay.waitFor({ state: 'visible', ...WAIT })
    await outputMatches(/content\/articles\/test-article\.md:12: the section heading has no id/)
    expect(await page.locator('h1').textContent()).toBe('测试文章（修订）')
  }, 360_000)

  it('clears the error and shows the fixed text after the next save', async () => {
    const fixed = (await readFile(article(), 'utf8')).replace('## 第一节\n', '## 第一节（新） {#first}\n')
    await writeFile(article(), fixed)
    await page.locator('h2', { hasText: '第一节（新）' }).waitFor(WAIT)
    await page.locator('#broadsheet-preview-problems').waitFor({ state: 'hidden', ...WAIT })
    expect(await page.locator('#broadsheet-preview-problems').textContent()).toBe('')
  }, 360_000)

  it('stops the wrangler dev it started when it is stopped (nothing keeps the port or a workerd)', async () => {
    // wrangler dev runs in a process group of its own, with the preview's KV folder on its command line.
    const serving = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(persist))
    expect(serving().some((line) => line.includes('wrangler'))).toBe(true)
    const exited = new Promise((done) => preview.once('exit', done))
    preview.kill('SIGTERM')
    await exited
    // The preview waits for wrangler dev to exit before it does; polled (until the test's timeout) in case the
    // tsx wrapper ended it sooner.
    while (serving().length > 0) await new Promise((done) => setTimeout(done, 100))
    expect(serving()).toEqual([])
  }, 60_000)
})
