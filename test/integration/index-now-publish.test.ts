/**
 * Publish tells search engines which pages changed (IndexNow and Baidu's URL push), through wrangler's local KV,
 * against local fakes that record exactly what was sent: each changed page URL once per publish, never an
 * embargoed one, nothing for a no-op, and a refusing engine is reported without failing the publish. The
 * Traditional edition's pages (`/zh-tw/…`) are sent with the original's whenever publish writes them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runPublish } from '../../editor/publish/run-publish.ts'
import type { SearchEngineSettings } from '../../model/notify-search-engines.ts'
import { type FakeSearchEngine, startFakeSearchEngine } from '../helpers/fake-search-engine.ts'
import { generateContent } from '../helpers/generate-content.ts'

const NOW = new Date('2026-11-27T06:00:00Z')
const BASE = 'https://news.example.com'
let work: string
let root: string
let state: string
let indexNow: FakeSearchEngine
let baidu: FakeSearchEngine

async function publish(engines: SearchEngineSettings, now = NOW, hub?: string) {
  const lines: string[] = []
  const outcome = await runPublish({
    root,
    target: { mode: 'local', persistTo: state, binding: 'CONTENT', cwd: process.cwd() },
    dryRun: false,
    now,
    cacheDir: join(work, 'renditions'),
    log: (l) => lines.push(l),
    searchEngines: engines,
    ...(hub ? { websub: { hub, baseUrl: BASE, delayMs: 0 } } : {}),
  })
  return { outcome, lines }
}

const settings = (): SearchEngineSettings => ({
  baseUrl: BASE,
  indexNow: { key: 'broadsheet-test-key', endpoint: `${indexNow.url}/indexnow` },
  baidu: { token: 'baidu-token', endpoint: `${baidu.url}/urls` },
})

/** Every URL IndexNow received since `from`, in the order sent. */
const indexNowUrls = (from: number) =>
  indexNow.requests.slice(from).flatMap((r) => (JSON.parse(r.body) as { urlList: string[] }).urlList)
const baiduUrls = (from: number) => baidu.requests.slice(from).flatMap((r) => r.body.split('\n'))
/** An article's page and its item pages in one edition (`/zh-tw` for the Traditional one). */
const editionPagesOf = (i: number, edition = '') => [
  `${BASE}${edition}/articles/bench-article-${i}`,
  `${BASE}${edition}/articles/bench-article-${i}/section-0`,
  `${BASE}${edition}/articles/bench-article-${i}/section-1`,
]
/** Both editions' pages of an article. */
const pagesOf = (i: number) => [...editionPagesOf(i), ...editionPagesOf(i, '/zh-tw')]
const file = (i: number) => join(root, 'articles', `bench-article-${i}.md`)
/** The topic and person feeds of every generated article: tagged 綦江 and 基准, written by 刘柳吟. */
const SUBJECT_FEEDS = ['topics/qijiang', 'topics/bench', 'people/liu-liuyin']
/** The three formats of each named feed in one edition. */
const feedUrlsOf = (names: readonly string[], edition = '') =>
  names.flatMap((name) => ['rss', 'atom', 'json'].map((ext) => `${BASE}${edition}/feeds/${name}.${ext}`))
/** Every feed URL the hub was pinged for, in the order sent. */
const pinged = (hub: FakeSearchEngine) => hub.requests.map((r) => new URLSearchParams(r.body).get('hub.url'))

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-indexnow-'))
  root = join(work, 'content')
  state = join(work, 'state')
  await generateContent(root, { articles: 4, sections: 2, photos: 0 })
  // Words only article 0 has, which OpenCC alone converts wrongly (被髮明): the glossary test fixes them.
  await writeFile(file(0), (await readFile(file(0), 'utf8')).replace(/^title: (.*)$/m, 'title: $1 被发明'))
  // Embargoed until a month after the publish: no engine may hear of it before its page answers.
  const embargoed = (await readFile(file(3), 'utf8'))
    .replaceAll('bench-article-3', 'bench-article-9')
    .replace(/published: .*/, 'published: 2026-12-27T08:00:00+08:00')
  await writeFile(file(9), embargoed)
  indexNow = await startFakeSearchEngine(202)
  baidu = await startFakeSearchEngine(200)
}, 60_000)
afterAll(async () => {
  await indexNow?.close()
  await baidu?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

describe('publish notifying search engines', { timeout: 300_000 }, () => {
  it('sends every added page once, in one request per engine, and no embargoed page', async () => {
    const { outcome, lines } = await publish(settings())
    expect(outcome.ok).toBe(true)
    expect(indexNow.requests).toHaveLength(1)
    const sent = JSON.parse(indexNow.requests[0]?.body ?? '') as Record<string, unknown>
    expect(sent.host).toBe('news.example.com')
    expect(sent.key).toBe('broadsheet-test-key')
    expect(sent.keyLocation).toBe(`${BASE}/broadsheet-test-key.txt`)
    const expected = [0, 1, 2, 3].flatMap(pagesOf)
    expect(indexNowUrls(0).sort()).toEqual(expected.sort())
    expect(baiduUrls(0).sort()).toEqual(expected.sort())
    expect(baidu.requests[0]?.url).toBe('/urls?site=https%3A%2F%2Fnews.example.com&token=baidu-token')
    expect(lines).toContain('indexnow: 24 changed page URLs sent, 202')
    expect(lines).toContain('baidu: 24 changed page URLs sent, 200')
  })

  it('sends exactly the pages of an edited and a withdrawn article, each once; a no-op sends nothing', async () => {
    const edited = (await readFile(file(1), 'utf8')).replace(
      '{#section-1}\n\n',
      '{#section-1}\n\n改写的一段。\n\n',
    )
    await writeFile(file(1), edited)
    const withdrawn = (await readFile(file(2), 'utf8')).replace(
      '\n---\n',
      '\nwithdrawn: 2026-11-27T14:00:00+08:00 测试撤稿\n---\n',
    )
    await writeFile(file(2), withdrawn)
    const before = { indexNow: indexNow.requests.length, baidu: baidu.requests.length }
    const hub = await startFakeSearchEngine(204)
    try {
      const { outcome } = await publish(settings(), new Date('2026-11-27T07:00:00Z'), hub.url)
      expect(outcome.ok).toBe(true)
      const urls = indexNowUrls(before.indexNow)
      expect(urls.sort()).toEqual([...pagesOf(1), ...pagesOf(2)].sort())
      expect(baiduUrls(before.baidu).sort()).toEqual(urls)
      // The hub hears of both articles' feeds, "all", and the feeds of their topics and writer, in both editions.
      const feeds = ['bench-article-1', 'bench-article-2', 'all', ...SUBJECT_FEEDS]
      expect(pinged(hub).sort()).toEqual(
        ['', '/zh-tw'].flatMap((edition) => feedUrlsOf(feeds, edition)).sort(),
      )

      const again = {
        indexNow: indexNow.requests.length,
        baidu: baidu.requests.length,
        hub: hub.requests.length,
      }
      const noop = await publish(settings(), new Date('2026-11-27T08:00:00Z'), hub.url)
      expect(noop.outcome.ok).toBe(true)
      expect(indexNow.requests.length).toBe(again.indexNow)
      expect(baidu.requests.length).toBe(again.baidu)
      expect(hub.requests.length).toBe(again.hub)
    } finally {
      await hub.close()
    }
  })

  it('reports an engine that refuses, and the publish still succeeds', async () => {
    const refusing = await startFakeSearchEngine(500)
    try {
      const edited = (await readFile(file(0), 'utf8')).replace(
        '{#section-0}\n\n',
        '{#section-0}\n\n新增一段。\n\n',
      )
      await writeFile(file(0), edited)
      const { outcome, lines } = await publish(
        { baseUrl: BASE, indexNow: { key: 'broadsheet-test-key', endpoint: refusing.url } },
        new Date('2026-11-27T09:00:00Z'),
      )
      expect(outcome.ok).toBe(true)
      expect(refusing.requests).toHaveLength(1)
      expect(lines).toContain('indexnow: 6 changed page URLs sent, FAILED (500: refused by the fake)')
    } finally {
      await refusing.close()
    }
  })

  it('sends the Traditional pages of exactly the articles a glossary change converts otherwise', async () => {
    await writeFile(join(root, 'glossary.txt'), '[phrases]\n被发明 = 被發明\n')
    const before = indexNow.requests.length
    const hub = await startFakeSearchEngine(204)
    try {
      const { outcome, lines } = await publish(settings(), new Date('2026-11-27T10:00:00Z'), hub.url)
      expect(outcome.ok).toBe(true)
      expect(lines.some((l) => l.startsWith('zh-tw edition: new or converted with another glossary'))).toBe(
        true,
      )
      expect(indexNowUrls(before).sort()).toEqual(editionPagesOf(0, '/zh-tw').sort())
      // The WebSub hub hears of the same article's Traditional feeds, the Traditional "all" feed and the
      // Traditional feeds of its topics and writer (their heads hold its items), nothing else.
      expect(pinged(hub).sort()).toEqual(
        feedUrlsOf(['bench-article-0', 'all', ...SUBJECT_FEEDS], '/zh-tw').sort(),
      )
    } finally {
      await hub.close()
    }
  })
})
