/**
 * `npm run bench:editor`: what an editor waits for. (1) Preview: a page open in Chromium on `npm run preview` of
 * a generated tree (BENCH_PREVIEW_ARTICLES, default 1,000), BENCH_SAVES saves (default 20) of its heading, in place
 * and by rename one after another, each timed from the save to the page showing it; then content errors, timed to
 * the page's problem box. Beside it, the baseline: `hugo server` (Debian's Hugo) on the same articles as Markdown,
 * the same saves. (2) Publish: `content:publish --local` as a command (start to exit) at BENCH_SIZES (default
 * 100,1000,10000): the full first publish (photos cached, each into a new folder), then add one article, edit one,
 * withdraw one, and three no-ops (the first after a write, then two more), each BENCH_REPEAT times (default 3), wall
 * and CPU time; beside it, `hugo` building the same tree. Figures with their
 * spread. BENCH_PUBLISHED=DIR measures the steps on a tree already published (DIR/content, DIR/state,
 * DIR/renditions; one size), BENCH_FIRST_ROUND=N numbers its rounds from N (a tree measured before).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../editor/preview/free-port.ts'
import { stopGroup } from '../editor/preview/process-group.ts'
import { wranglerEnv } from '../editor/publish/wrangler-kv.ts'
import { generateContent } from '../test/helpers/generate-content.ts'
import { launchChromium } from '../test/helpers/launch-chromium.ts'
import { writeHugoSite } from './hugo-site.ts'
import { endedChildrenCpuMs } from './process-cpu.ts'
import { describeSpread, type SaveCase, saveLatencies } from './save-latency.ts'

const SAVES = Number(process.env.BENCH_SAVES ?? 20)
const PREVIEW_ARTICLES = Number(process.env.BENCH_PREVIEW_ARTICLES ?? 1000)
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').filter(Boolean).map(Number)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3)
const SHAPE = { sections: 5, photos: 3 }

/** Starts `command` in a process group of its own; resolves once its output matches `ready` (or fails at exit). */
async function serve(
  command: string,
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; out: string }> {
  const child = spawn(command, args, { detached: true, env: wranglerEnv() })
  let out = ''
  await new Promise<void>((done, fail) => {
    const look = (d: Buffer) => {
      out += d
      if (ready.test(out)) done()
    }
    child.stdout?.on('data', look)
    child.stderr?.on('data', look)
    child.once('exit', (code) => fail(new Error(`${command} exited (${code}) before it was ready:\n${out}`)))
  })
  return { child, out }
}

/** The heading saves of one article, measured in an open page of `url`. */
async function measureSaves(url: string, c: SaveCase): Promise<number[]> {
  const browser = await launchChromium()
  try {
    const page = await browser.context.newPage()
    await page.goto(url)
    return (await saveLatencies(page, c, SAVES)).map((s) => s.ms)
  } finally {
    await browser.close()
  }
}

const retitle = (text: string, n: number) => text.replace(/^title: .*$/m, `title: 基准测试文章 0 第${n}稿`)
const titleShown = (n: number) => ({ selector: 'h1', text: `第${n}稿` })

async function previewBench(work: string): Promise<void> {
  const root = join(work, 'content')
  await generateContent(root, { articles: PREVIEW_ARTICLES, ...SHAPE })
  const port = await freePort()
  const started = performance.now()
  const preview = await serve(
    resolve('node_modules/.bin/tsx'),
    ['editor/preview.ts', '--root', root, '--port', String(port), '--persist-to', join(work, 'preview-kv')],
    /preview: http:\/\/127\.0\.0\.1:\d+/,
  )
  console.log(
    `preview of ${PREVIEW_ARTICLES.toLocaleString('en')} articles serving after ${((performance.now() - started) / 1000).toFixed(1)} s (first publish included)`,
  )
  const file = join(root, 'articles', 'bench-article-0.md')
  try {
    const url = `http://127.0.0.1:${port}/articles/bench-article-0`
    const saves = await measureSaves(url, { file, edit: retitle, shown: titleShown })
    console.log(`  preview, save → page shows it:      ${describeSpread(saves)}`)
    const errors = await measureSaves(url, {
      file,
      // Odd saves break the heading's id (a content error), even saves repair it.
      edit: (text, n) =>
        n % 2 === 1
          ? text.replace('{#section-0}', '')
          : text.replace(/^## 小标题 0-0 ?$/m, '## 小标题 0-0 {#section-0}'),
      shown: (n) =>
        n % 2 === 1
          ? { selector: '#broadsheet-preview-problems', text: 'articles/bench-article-0.md' }
          : { selector: 'h2', text: '小标题 0-0' },
    }).then((ms) => ms.filter((_, i) => i % 2 === 0))
    console.log(`  preview, content error → page shows it: ${describeSpread(errors)}`)
  } finally {
    await stopGroup(preview.child)
  }

  const site = join(work, 'hugo')
  const hugoFile = await writeHugoSite(root, site)
  const hugoPort = await freePort()
  const hugo = await serve(
    'hugo',
    [
      'server',
      '--source',
      site,
      '--bind',
      '127.0.0.1',
      '--port',
      String(hugoPort),
      '--baseURL',
      `http://127.0.0.1:${hugoPort}/`,
      // In its fast render mode Hugo 0.111 rebuilds after a save made by rename but serves the page as it was.
      '--disableFastRender',
    ],
    /Web Server is available/,
  )
  try {
    const saves = await measureSaves(`http://127.0.0.1:${hugoPort}/articles/bench-article-0/`, {
      file: hugoFile('bench-article-0.md'),
      edit: (text, n) => text.replace(/^title: .*$/m, `title: "基准测试文章 0 第${n}稿"`),
      shown: titleShown,
    })
    console.log(`  baseline hugo server, save → page:  ${describeSpread(saves)}`)
  } catch (e) {
    // Hugo's server sometimes never shows a save (its rebuild or its live reload stalls): said, not fatal.
    console.log(
      `  baseline hugo server, save → page:  not measured (${e instanceof Error ? e.message.split('\n')[0] : e})`,
    )
  } finally {
    await stopGroup(hugo.child)
  }
}

/** `content:publish --local` as an editor runs it: start to exit. */
async function publishOnce(root: string, state: string): Promise<{ ms: number; cpuMs: number; out: string }> {
  const t = performance.now()
  const cpu = endedChildrenCpuMs()
  // What `npm run content:publish` runs (editor/launch.mjs), without npm's own start-up.
  const child = spawn(
    process.execPath,
    [
      'editor/launch.mjs',
      'publish',
      '--local',
      '--root',
      root,
      '--persist-to',
      state,
      '--cache',
      join(root, '..', 'renditions'),
    ],
    { env: wranglerEnv() },
  )
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const code = await new Promise((done) => child.once('exit', done))
  if (code !== 0) throw new Error(`publish failed (${code}):\n${out}`)
  return { ms: performance.now() - t, cpuMs: endedChildrenCpuMs() - cpu, out }
}

/** Values a publish wrote: the sum over its batches (and the Traditional edition's sweep). */
const written = (out: string) =>
  String([...out.matchAll(/(\d+) (?:zh-tw )?values written/g)].reduce((n, m) => n + Number(m[1]), 0))

/** A folder holding `content/` and `state/` already published (BENCH_PUBLISHED), else null. */
const PUBLISHED = process.env.BENCH_PUBLISHED ?? null
/** The first round's number: a tree measured before needs rounds it has not seen (BENCH_FIRST_ROUND). */
const FIRST_ROUND = Number(process.env.BENCH_FIRST_ROUND ?? 0)

async function publishBench(work: string, size: number): Promise<void> {
  const root = PUBLISHED ? join(PUBLISHED, 'content') : join(work, `content-${size}`)
  const state = PUBLISHED ? join(PUBLISHED, 'state') : join(work, `state-${size}`)
  console.log(
    `publish --local, ${size.toLocaleString('en')} articles × ${SHAPE.sections} sections × ${SHAPE.photos} photos`,
  )
  if (!PUBLISHED) {
    await generateContent(root, { articles: size, ...SHAPE })
    // Photos encoded once into the rendition cache first: the figures are about publishing, not encoding.
    const full = await publishOnce(root, state)
    // Each into a folder of its own, all removed at the end: a publish creating tens of thousands of files right after
    // as many were deleted runs slower (ext4 without a journal skips inodes freed in the last minutes, one by one).
    const warm = Array.from({ length: REPEAT }, (_, r) => join(work, `state-${size}-again-${r}`))
    const runs = []
    for (const folder of warm) runs.push(await publishOnce(root, folder))
    console.log(
      `  full first publish (photos cached), ${written(runs[0]?.out ?? '')} values (with encoding: ${(full.ms / 1000).toFixed(1)} s)`,
    )
    console.log(
      `  ${'full first publish, wall'.padEnd(36)} ${describeSpread(
        runs.map((r) => r.ms),
        's',
      )}`,
    )
    console.log(
      `  ${'full first publish, CPU'.padEnd(36)} ${describeSpread(
        runs.map((r) => r.cpuMs),
        's',
      )}`,
    )
    await Promise.all(warm.map((folder) => rm(folder, { recursive: true, force: true })))
    // The steps are measured once the two first publishes' gigabytes are on disk, as an editor's next publish would
    // find the machine: the kernel writing them back meanwhile slows every command by a second.
    spawnSync('sync')
  }
  const steps: Record<string, { ms: number[]; cpu: number[] }> = {}
  const values: Record<string, string> = {}
  const measure = async (step: string) => {
    const run = await publishOnce(root, state)
    steps[step] ??= { ms: [], cpu: [] }
    steps[step].ms.push(run.ms)
    steps[step].cpu.push(run.cpuMs)
    values[step] = written(run.out)
  }
  for (let r = FIRST_ROUND; r < FIRST_ROUND + REPEAT; r++) {
    await generateContent(root, { articles: 1, ...SHAPE, firstIndex: size + r })
    await measure('add')
    const edited = join(root, 'articles', `bench-article-${r}.md`)
    const text = await readFile(edited, 'utf8')
    const at = text.lastIndexOf('綦江区')
    await writeFile(edited, `${text.slice(0, at)}（更正${r}）${text.slice(at)}`)
    await measure('edit')
    const gone = join(root, 'articles', `bench-article-${size - 1 - r}.md`)
    await writeFile(
      gone,
      (await readFile(gone, 'utf8')).replace(
        '\n---\n',
        '\nwithdrawn: 2026-11-27T10:00:00+08:00 基准测试撤稿\n---\n',
      ),
    )
    await measure('withdraw')
    // The first no-op after a write confirms the receipt that write left with one listing of the store; the ones
    // after it are answered from the store's stats.
    await measure('no-op')
    await measure('no-op again')
    await measure('no-op, receipt')
  }
  // Wall time on a shared machine waits for other jobs; the CPU time (the command and what it started) does less.
  for (const [step, { ms, cpu }] of Object.entries(steps)) {
    console.log(`  ${`${step} (${values[step]} values), wall`.padEnd(36)} ${describeSpread(ms, 's')}`)
    console.log(`  ${`${step}, CPU`.padEnd(36)} ${describeSpread(cpu, 's')}`)
  }
  const site = join(work, `hugo-${size}`)
  await writeHugoSite(root, site)
  const builds: number[] = []
  for (let r = 0; r < REPEAT; r++) {
    const t = performance.now()
    const hugo = spawn('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')])
    const code = await new Promise((done) => hugo.once('exit', done))
    if (code !== 0) throw new Error(`hugo failed (${code})`)
    builds.push(performance.now() - t)
  }
  console.log(`  baseline hugo, full build:            ${describeSpread(builds, 's')}`)
}

const work = await mkdtemp(join(tmpdir(), 'broadsheet-bench-editor-'))
try {
  if (process.env.BENCH_SKIP_PREVIEW !== '1') await previewBench(work)
  for (const size of SIZES) await publishBench(work, size)
} finally {
  await rm(work, { recursive: true, force: true })
}
