/** `npm run preview` in Chromium: a save republishes and reloads the page, a content error shows, a fix clears it. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../editor/preview/free-port.ts'
import { goodArticle, goodTree, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { waitUntil } from '../helpers/wait-until.ts'

/**
 * How long a page waits for a republish to show (Playwright names the element it waited for): a save is checked,
 * republished through wrangler's local KV and reloaded, which takes minutes on a loaded 2-core machine.
 */
const WAIT = { timeout: 330_000 }
let preview: ChildProcess
let output = ''
let root: string
let persist: string
let url: string
let browser: Chromium
let page: Page

/** Resolves when the preview's output (stdout and stderr) matches; fails when it exits or after `deadlineMs`. */
function outputMatches(pattern: RegExp, deadlineMs = WAIT.timeout): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      stop()
      fail(
        new Error(`the preview's output did not show ${pattern} within ${deadlineMs / 1000} s:\n${output}`),
      )
    }, deadlineMs)
    const stop = () => {
      clearTimeout(timer)
      preview.stdout?.off('data', look)
      preview.stderr?.off('data', look)
      preview.off('exit', exited)
    }
    const look = () => {
      const m = pattern.exec(output)
      if (m) {
        stop()
        done(m[0])
      }
    }
    const exited = (code: number | null) => {
      stop()
      fail(new Error(`preview exited (${code}) before its output showed ${pattern}:\n${output}`))
    }
    preview.stdout?.on('data', look)
    preview.stderr?.on('data', look)
    preview.once('exit', exited)
    look()
  })
}

const article = () => join(root, 'articles/test-article.md')

/** Resolves once the preview process has ended (after a SIGTERM), or fails after 30 s saying so. */
const stopped = () =>
  waitUntil(
    'the preview process exiting after SIGTERM',
    () => preview.exitCode !== null || preview.signalCode !== null,
    60_000,
  )

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
    preview.kill('SIGTERM')
    await stopped()
  }
  await rm(persist, { recursive: true, force: true })
  await removeTrees()
}, 150_000)

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

  it('stops the workerd it started when it is stopped (nothing keeps the port or a core)', async () => {
    // The Worker runs in a workerd the preview's Node process starts (Miniflare): every descendant of the preview.
    const table = () =>
      execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f.length >= 3)
        .map(([pid, ppid, ...args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args.join(' ') }))
    const descendants = new Set([preview.pid])
    for (let grew = true; grew; ) {
      grew = false
      for (const p of table())
        if (descendants.has(p.ppid) && !descendants.has(p.pid)) {
          descendants.add(p.pid)
          grew = true
        }
    }
    const alive = () => table().filter((p) => descendants.has(p.pid))
    expect(alive().some((p) => p.args.includes('workerd'))).toBe(true)
    preview.kill('SIGTERM')
    await stopped()
    // Polled in case the tsx wrapper ended before the preview's own process did.
    await waitUntil('every process the preview started ending', () => alive().length === 0, 60_000)
    expect(alive()).toEqual([])
  }, 150_000)
})
