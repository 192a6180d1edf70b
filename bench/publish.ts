/**
 * `npm run bench:publish`: generated trees of 100, 1,000 and 10,000 articles (5 sections, 3 photos each) published
 * through the real publish into wrangler's local KV, then one article added, one paragraph edited, one article
 * withdrawn, and a no-op: values written and deleted and wall time of each, the full publish as the baseline; then
 * the sizes of the sitemaps the site serves.
 * Sizes: BENCH_SIZES=100,1000 (default 100,1000,10000); BENCH_PHOTOS=N photos per section (default 3).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openKvStore } from '../editor/publish/kv-store.ts'
import { type PublishOutcome, runPublish } from '../editor/publish/run-publish.ts'
import {
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
} from '../model/parse-store-values.ts'
import { keys } from '../model/store-keys.ts'
import { generateContent } from '../test/helpers/generate-content.ts'
import { articleListPage } from '../worker/render/article-list-page.ts'
import { allFeed } from '../worker/render/feed-document.ts'
import { renderAtom } from '../worker/render/render-atom.ts'
import { renderHomePage } from '../worker/render/render-home-page.ts'
import { renderJsonFeed } from '../worker/render/render-json-feed.ts'
import { renderOpml } from '../worker/render/render-opml.ts'
import { renderRss } from '../worker/render/render-rss.ts'
import { sitemapSizes } from './sitemap-sizes.ts'

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number)
const SHAPE = { sections: 5, photos: Number(process.env.BENCH_PHOTOS ?? 3) }
const GOALS = { values: 10, noopMs: 30_000, valueBytes: 1_000_000, responseBytes: 200_000 }
const SITE = {
  baseUrl: 'https://news.example.com',
  title: 'Broadsheet',
  description: '',
  language: 'zh-CN',
  hub: '',
}

interface Step {
  name: string
  ms: number
  written: number
  deleted: number
  media: number
  largest: number
}

async function publishStep(name: string, root: string, persistTo: string): Promise<Step> {
  const cacheDir = join(root, '..', 'renditions')
  const t = performance.now()
  const outcome: PublishOutcome = await runPublish({
    root,
    target: { mode: 'local', persistTo, binding: 'CONTENT', cwd: process.cwd() },
    dryRun: false,
    now: new Date(),
    cacheDir,
    log: () => {},
  })
  const ms = performance.now() - t
  if (!outcome.ok) throw new Error(`${name}: publish stopped:\n${outcome.problems.join('\n')}`)
  return { name, ms, ...outcome.counts }
}

/** The largest response the Worker would render from what this publish left in KV. */
async function largestResponse(persistTo: string): Promise<{ bytes: number; what: string }> {
  const store = await openKvStore({ mode: 'local', persistTo, binding: 'CONTENT', cwd: process.cwd() })
  try {
    const v = await store.getJson([keys.feedHead(), keys.indexHead(), keys.feedArchive(1)])
    const head = parseFeedHeadValue(v.get(keys.feedHead()))
    const index = parseIndexHeadValue(v.get(keys.indexHead()))
    const archive = v.get(keys.feedArchive(1)) ? parseFeedArchiveValue(v.get(keys.feedArchive(1))) : null
    const site = { ...SITE, hub: undefined }
    const feeds = [
      allFeed({ ...head, archive: null, entries: head.items }, site),
      ...(archive
        ? [
            allFeed(
              { ...archive, archive: 1, archived: 1, size: archive.items.length, entries: archive.items },
              site,
            ),
          ]
        : []),
    ]
    const list = articleListPage(index, null, index.pages)
    const bodies: [string, string][] = [
      ...feeds.flatMap((d, i): [string, string][] => [
        [`all.rss ${i ? 'archive 1' : 'head'}`, renderRss(d)],
        [`all.atom ${i ? 'archive 1' : 'head'}`, renderAtom(d)],
        [`all.json ${i ? 'archive 1' : 'head'}`, renderJsonFeed(d)],
      ]),
      ['/', renderHomePage(list, site)],
      ['/feeds.opml', renderOpml(list, site)],
    ]
    let best = { bytes: 0, what: '' }
    for (const [what, body] of bodies) {
      const bytes = Buffer.byteLength(body)
      if (bytes > best.bytes) best = { bytes, what }
    }
    return best
  } finally {
    await store.close()
  }
}

const fmt = (n: number) => n.toLocaleString('en')

function report(s: Step, full: number, size: number): void {
  const { media } = s
  const goal =
    s.name === 'full publish'
      ? ''
      : s.name === 'no-op'
        ? `goal: nothing written${size >= 10_000 ? `, < ${GOALS.noopMs / 1000} s` : ''}: ${s.written + s.deleted === 0 && (size < 10_000 || s.ms < GOALS.noopMs) ? 'met' : 'MISSED'}`
        : `goal ≤ ${GOALS.values} + media: ${s.written - media <= GOALS.values ? 'met' : 'MISSED'}`
  console.log(
    `  ${s.name.padEnd(22)} ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${(s.ms / full).toFixed(3).padStart(6)}× full   written ${fmt(s.written).padStart(7)} (${fmt(s.written - media)} + ${fmt(media)} media)  deleted ${fmt(s.deleted)}  largest value ${fmt(s.largest)} B  ${goal}`,
  )
}
for (const size of SIZES) {
  const work = await mkdtemp(join(tmpdir(), `broadsheet-bench-${size}-`))
  const root = join(work, 'content')
  const state = join(work, 'state')
  try {
    const t = performance.now()
    await generateContent(root, { articles: size, ...SHAPE })
    const genMs = performance.now() - t
    const steps: Step[] = []
    console.log(
      `bench:publish  ${fmt(size)} articles × ${SHAPE.sections} sections × ${SHAPE.photos} photos (tree generated in ${(genMs / 1000).toFixed(1)} s)`,
    )
    const run = async (name: string) => {
      const s = await publishStep(name, root, state)
      steps.push(s)
      report(s, steps[0]?.ms ?? s.ms, size)
    }
    await run('full publish')
    await generateContent(root, { articles: 1, ...SHAPE, firstIndex: size })
    await run('add one article')
    const edited = join(root, 'articles', 'bench-article-0.md')
    const text = await readFile(edited, 'utf8')
    const at = text.lastIndexOf('綦江区')
    await writeFile(edited, `${text.slice(0, at)}（更正）${text.slice(at)}`)
    await run('edit one paragraph')
    const gone = join(root, 'articles', 'bench-article-1.md')
    await writeFile(
      gone,
      (await readFile(gone, 'utf8')).replace(
        '\n---\n',
        '\nwithdrawn: 2026-11-27T10:00:00+08:00 基准测试撤稿\n---\n',
      ),
    )
    await run('withdraw one article')
    await run('no-op')
    const response = await largestResponse(state)
    const largest = Math.max(...steps.map((s) => s.largest))
    console.log(
      `  largest value ${fmt(largest)} B (goal ≤ 1 MB: ${largest <= GOALS.valueBytes ? 'met' : 'MISSED'}); largest response ${fmt(response.bytes)} B, ${response.what} (goal ≤ 200 KB: ${response.bytes <= GOALS.responseBytes ? 'met' : 'MISSED'})`,
    )
    const maps = await sitemapSizes(state, { ...SITE, hub: undefined })
    const within = (b: number) => (b <= GOALS.responseBytes ? 'met' : 'MISSED')
    console.log(
      `  sitemaps: index ${fmt(maps.indexBytes)} B listing ${fmt(maps.parts)} parts (≤ 200 KB: ${within(maps.indexBytes)}); largest part ${fmt(maps.largestPart.bytes)} B, ${fmt(maps.largestPart.urls)} URLs (≤ 200 KB: ${within(maps.largestPart.bytes)}; ≤ 50,000 URLs, 50 MB); all parts ${fmt(maps.allPartsBytes)} B; largest part value ${fmt(maps.largestValueBytes)} B; news at 1,000 URLs ${fmt(maps.newsAtCapBytes)} B`,
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
