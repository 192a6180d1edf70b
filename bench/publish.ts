/**
 * `npm run bench:publish`: generated trees of 100, 1,000 and 10,000 articles (5 sections, 3 photos each) published
 * through the real publish into wrangler's local KV, then one article added, one paragraph edited, one article
 * withdrawn, and a no-op: values written and deleted and wall time of each, the full publish as the baseline; then
 * the sizes of the sitemaps the site serves.
 * Sizes: BENCH_SIZES=100,1000 (default 100,1000,10000); BENCH_PHOTOS=N photos per section (default 3);
 * BENCH_TOPICS=N topics and BENCH_PEOPLE=N people the articles are spread over (default 300 and 500; 3 tags and
 * 2 writers an article, every photo by 石亮), each change's budget 10 values plus 3 per topic or person the article names;
 * BENCH_RENDITIONS=DIR keeps the photo renditions between runs (default: encoded afresh in each run's folder).
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openKvStore } from '../editor/publish/kv-store.ts'
import { type PublishOutcome, runPublish } from '../editor/publish/run-publish.ts'
import { EDITIONS } from '../model/edition.ts'
import { opmlSlice } from '../model/opml-pages.ts'
import {
  parseDirectoryPageValue,
  parseFeedArchiveValue,
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseSubjectFeedHeadValue,
} from '../model/parse-store-values.ts'
import { keys } from '../model/store-keys.ts'
import { generateContent, generatedPeople, generatedTags } from '../test/helpers/generate-content.ts'
import { articleListPage } from '../worker/render/article-list-page.ts'
import { allFeed, subjectFeed } from '../worker/render/feed-document.ts'
import { renderAtom } from '../worker/render/render-atom.ts'
import { renderDirectoryPage } from '../worker/render/render-directory-page.ts'
import { renderHomePage } from '../worker/render/render-home-page.ts'
import { renderJsonFeed } from '../worker/render/render-json-feed.ts'
import { renderOpml } from '../worker/render/render-opml.ts'
import { renderRss } from '../worker/render/render-rss.ts'
import { sitemapSizes } from './sitemap-sizes.ts'

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number)
const SHAPE = {
  sections: 5,
  photos: Number(process.env.BENCH_PHOTOS ?? 3),
  topics: Number(process.env.BENCH_TOPICS ?? 300),
  people: Number(process.env.BENCH_PEOPLE ?? 500),
  // One photographer: renditions carry the credit, and 24 photos × 500 photographers would be 225 renditions an
  // article to encode. Each article then names 3 topics and 3 people (2 writers and 石亮).
  photographer: '石亮',
}
const GOALS = { values: 10, noopMs: 30_000, valueBytes: 1_000_000, responseBytes: 200_000 }
const SITE = {
  baseUrl: 'https://news.example.com',
  origin: 'https://news.example.com',
  edition: EDITIONS.hans,
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
  /** Of `written`, the Traditional (zh-TW) edition's values. */
  edition: number
  largest: number
}

async function publishStep(name: string, root: string, persistTo: string): Promise<Step> {
  const cacheDir = process.env.BENCH_RENDITIONS ?? join(root, '..', 'renditions')
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
    // The first topic and person of the tree (the most articles under the generated spread) and the directories.
    const subjectKeys = [
      keys.subjectFeedHead('topic', 'bench-topic-0'),
      keys.subjectFeedHead('person', 'bench-person-0'),
    ]
    const dirKeys = [keys.directoryPage('topic', 1), keys.directoryPage('person', 1)]
    const more = await store.getJson([...subjectKeys, ...dirKeys])
    const subjects = subjectKeys.flatMap((k) => {
      const value = more.get(k)
      if (!value) return []
      const s = parseSubjectFeedHeadValue(value)
      // As the Worker serves a head (worker/routes/feed.ts): its newest `size` entries, not every entry it keeps.
      const page = { ...s, archive: null, archived: s.archived, size: s.size, entries: s.items }
      return [[`/feeds/${k}`, subjectFeed(page, s.subject, site)] as const]
    })
    const dirs = dirKeys.flatMap((k) => (more.get(k) ? [parseDirectoryPageValue(more.get(k))] : []))
    const [topics, people] = dirs
    const slice = opmlSlice(1)
    const opml = renderOpml(
      {
        page: 1,
        index: list,
        topics: topics?.entries.slice(slice.start, slice.end) ?? [],
        people: people?.entries.slice(slice.start, slice.end) ?? [],
        updated: list.updated,
      },
      site,
    )
    const bodies: [string, string][] = [
      ...feeds.flatMap((d, i): [string, string][] => [
        [`all.rss ${i ? 'archive 1' : 'head'}`, renderRss(d)],
        [`all.atom ${i ? 'archive 1' : 'head'}`, renderAtom(d)],
        [`all.json ${i ? 'archive 1' : 'head'}`, renderJsonFeed(d)],
      ]),
      ...subjects.flatMap(([what, d]): [string, string][] => [
        [`${what} rss`, renderRss(d)],
        [`${what} atom`, renderAtom(d)],
        [`${what} json`, renderJsonFeed(d)],
      ]),
      ...dirs.map((d): [string, string] => [
        `directory ${d.entries[0]?.kind} page 1`,
        renderDirectoryPage(d.entries[0]?.kind ?? 'topic', d, site),
      ]),
      ['/', renderHomePage(list, site)],
      ['/feeds.opml', opml],
    ]
    console.log(`  /feeds.opml page 1: ${fmt(Buffer.byteLength(opml))} B`)
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

/** Topics and people generated article `i` names: each one's feed and directory entry may change with it. */
function touched(i: number): number {
  const shape = { articles: 1, ...SHAPE }
  const people = generatedPeople(i, shape)
  return generatedTags(i, shape).length + new Set([...people.writers, people.photographer]).size
}

function report(s: Step, full: number, size: number, subjects: number): void {
  const { media, edition } = s
  const budget = GOALS.values + 3 * subjects
  const original = s.written - media - edition
  // The edition writes at most one converted value per original value (media and histories have none).
  const editionGoal = `zh-tw ≤ ${fmt(original)}: ${edition <= original ? 'met' : 'MISSED'}`
  const goal =
    s.name === 'full publish'
      ? ''
      : s.name === 'no-op'
        ? `goal: nothing written${size >= 10_000 ? `, < ${GOALS.noopMs / 1000} s` : ''}: ${s.written + s.deleted === 0 && (size < 10_000 || s.ms < GOALS.noopMs) ? 'met' : 'MISSED'}`
        : `goal ≤ ${GOALS.values} + 3 × ${subjects} subjects = ${budget} + media: ${original <= budget ? 'met' : 'MISSED'}; ${editionGoal}`
  console.log(
    `  ${s.name.padEnd(22)} ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${(s.ms / full).toFixed(3).padStart(6)}× full   written ${fmt(s.written).padStart(7)} (${fmt(original)} + ${fmt(edition)} zh-tw + ${fmt(media)} media)  deleted ${fmt(s.deleted)}  largest value ${fmt(s.largest)} B  ${goal}`,
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
      `bench:publish  ${fmt(size)} articles × ${SHAPE.sections} sections × ${SHAPE.photos} photos, ${SHAPE.topics} topics, ${SHAPE.people} people (tree generated in ${(genMs / 1000).toFixed(1)} s)`,
    )
    const run = async (name: string, article = 0) => {
      const s = await publishStep(name, root, state)
      steps.push(s)
      report(s, steps[0]?.ms ?? s.ms, size, touched(article))
    }
    await run('full publish')
    await generateContent(root, { articles: 1, ...SHAPE, firstIndex: size })
    await run('add one article', size)
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
    await run('withdraw one article', 1)
    await run('no-op')
    const response = await largestResponse(state)
    const largest = Math.max(...steps.map((s) => s.largest))
    console.log(
      `  largest value ${fmt(largest)} B (goal ≤ 1 MB: ${largest <= GOALS.valueBytes ? 'met' : 'MISSED'}); largest response ${fmt(response.bytes)} B, ${response.what} (goal ≤ 200 KB: ${response.bytes <= GOALS.responseBytes ? 'met' : 'MISSED'})`,
    )
    const maps = await sitemapSizes(state, { ...SITE, hub: undefined })
    const within = (b: number) => (b <= GOALS.responseBytes ? 'met' : 'MISSED')
    console.log(
      `  sitemaps: index ${fmt(maps.indexBytes)} B listing ${fmt(maps.parts)} parts (≤ 200 KB: ${within(maps.indexBytes)}); largest part ${fmt(maps.largestPart.bytes)} B, ${fmt(maps.largestPart.urls)} URLs (≤ 200 KB: ${within(maps.largestPart.bytes)}; ≤ 50,000 URLs, 50 MB); all parts ${fmt(maps.allPartsBytes)} B; largest part value ${fmt(maps.largestValueBytes)} B`,
    )
    const news = (n: typeof maps.news) =>
      `${fmt(n.parts)} parts, largest ${fmt(n.largestBytes)} B (≤ 200 KB: ${within(n.largestBytes)})`
    console.log(
      `  news sitemap at 1,000 articles in 48 h: ${news(maps.news)}; with 200-character titles ${news(maps.newsLongTitles)}`,
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
