/**
 * The embargo cron tells search engines about the pages an embargo opened, as deployed: the feed Worker's cron asks
 * the discovery Worker (both under wrangler dev), which has INDEXNOW_* and BAIDU_* set; local fakes record exactly
 * what arrived. An article is published with an embargo ten seconds ahead; once its time has come, the cron
 * (wrangler's `/__scheduled`, at the real clock) sends its pages in both editions, each once, in one request per
 * engine. Which run's period holds a lift is tested in test/worker/sitemaps.test.ts and embargo-cron.test.ts.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runPublish } from '../../editor/publish/run-publish.ts'
import { type FakeSearchEngine, startFakeSearchEngine } from '../helpers/fake-search-engine.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { waitUntil } from '../helpers/wait-until.ts'
import { type DevServer, startWranglerDev } from '../helpers/wrangler-dev.ts'

const BASE = 'https://news.example.com'
const KEY = 'broadsheet-cron-key'
const HOUR = 3_600_000

let work = ''
let dev: DevServer
let indexNow: FakeSearchEngine
let baidu: FakeSearchEngine
/**
 * When the embargoed article's time comes: ten seconds after the publish, on the real clock the Worker reads (by then
 * wrangler dev is usually up; the test waits for the time either way, and the cron's period of five minutes holds it).
 */
let lift = 0

/** RFC 3339 in China Standard Time, whole seconds, as editors write it. */
const cst = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-indexnow-cron-'))
  const root = join(work, 'content')
  const state = join(work, 'state')
  await generateContent(root, { articles: 2, sections: 2, photos: 0 })
  const now = Date.now()
  lift = Math.ceil((now + 10_000) / 1000) * 1000
  const file = join(root, 'articles', 'bench-article-1.md')
  await writeFile(file, (await readFile(file, 'utf8')).replace(/published: .*/, `published: ${cst(lift)}`))
  const outcome = await runPublish({
    root,
    target: { mode: 'local', persistTo: state, binding: 'CONTENT', cwd: process.cwd() },
    dryRun: false,
    now: new Date(now),
    cacheDir: join(work, 'renditions'),
    log: () => {},
  })
  expect(outcome.ok).toBe(true)
  indexNow = await startFakeSearchEngine(202)
  baidu = await startFakeSearchEngine(200)
  // The feed Worker and the discovery Worker, which runs the cron's notices (as deployed): its config copied with
  // the settings an operator would give it (docs/operators.md), so its .dev.vars and [vars] are the test's own.
  const settings: Record<string, string> = {
    PUBLIC_BASE_URL: BASE,
    INDEXNOW_KEY: KEY,
    INDEXNOW_ENDPOINT: `${indexNow.url}/indexnow`,
    BAIDU_PUSH_TOKEN: 'baidu-token',
    BAIDU_PUSH_ENDPOINT: `${baidu.url}/urls`,
  }
  let discovery = (await readFile('discovery/wrangler.toml', 'utf8')).replace(
    /^main = .*$/m,
    `main = ${JSON.stringify(resolve('discovery/index.ts'))}`,
  )
  for (const [name, value] of Object.entries(settings))
    discovery = discovery.replace(new RegExp(`^${name} = .*$`, 'm'), `${name} = ${JSON.stringify(value)}`)
  const config = join(work, 'discovery', 'wrangler.toml')
  await mkdir(join(work, 'discovery'))
  await writeFile(config, discovery)
  dev = await startWranglerDev(state, 120_000, [
    '-c',
    'wrangler.toml',
    '-c',
    config,
    '--test-scheduled',
    '--var',
    `PUBLIC_BASE_URL:${BASE}`,
  ])
}, 300_000)

afterAll(async () => {
  await dev?.stop()
  await indexNow?.close()
  await baidu?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

/** The embargoed article's page and item pages in one edition. */
const pagesOf = (edition: string) =>
  ['', '/section-0', '/section-1'].map((s) => `${BASE}${edition}/articles/bench-article-1${s}`)

describe('the embargo cron notifying search engines', () => {
  it("sends the article's pages of both editions once, to IndexNow and Baidu, in the run after its time", async () => {
    expect(indexNow.requests).toEqual([])
    await waitUntil('the embargo lifting on the real clock', () => Date.now() > lift + 1000, 120_000, 500)
    const res = await fetch(`${dev.url}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)
    expect(res.status).toBe(200)
    await waitUntil(
      'IndexNow and Baidu receiving the lifted pages',
      () => indexNow.requests.length > 0 && baidu.requests.length > 0,
      30_000,
    )
    const expected = [...pagesOf(''), ...pagesOf('/zh-tw')].sort()
    expect(indexNow.requests).toHaveLength(1)
    const sent = JSON.parse(indexNow.requests[0]?.body ?? '') as Record<string, unknown>
    expect(sent).toMatchObject({ host: 'news.example.com', key: KEY, keyLocation: `${BASE}/${KEY}.txt` })
    expect([...(sent.urlList as string[])].sort()).toEqual(expected)
    expect(baidu.requests).toHaveLength(1)
    expect(baidu.requests[0]?.url).toBe('/urls?site=https%3A%2F%2Fnews.example.com&token=baidu-token')
    expect(baidu.requests[0]?.body.split('\n').sort()).toEqual(expected)
  }, 200_000)
})
