/**
 * A crawler's view of a published tree under wrangler dev: it starts at /robots.txt, follows `Sitemap:` to the
 * index and every sitemap, and must reach every live article and section page and nothing embargoed, withdrawn
 * or moved. Every document validates with xmllint against the sitemaps.org schemas (the `sitemap` package's
 * sitemap.xsd) and Google's image and news rules, which are also asserted one by one.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { childrenNamed, parseXml, type XmlNode } from '../helpers/parse-xml.ts'
import { runEditor } from '../helpers/run-command.ts'
import { type DevServer, startWranglerDev } from '../helpers/wrangler-dev.ts'
import { SITEINDEX_SCHEMA, URLSET_SCHEMA, validateXml } from '../helpers/xmllint.ts'

const HOUR = 3_600_000
let work: string
let root: string
let state: string
let dev: DevServer
/** The test's clock at publish: article times are set relative to it (the Worker uses the real clock). */
const started = Date.now()

/** RFC 3339 in China Standard Time, whole seconds, as editors write it. */
function cst(ms: number): string {
  const shifted = new Date(Math.floor(ms / 1000) * 1000 + 8 * HOUR)
  return `${shifted.toISOString().slice(0, 19)}+08:00`
}

function article(slug: string, published: string, extra = ''): string {
  return [
    '---',
    `slug: ${slug}`,
    `title: 测试稿件 ${slug}`,
    'lang: zh-CN',
    'byline: 文/记者 刘柳吟',
    `published: ${published}`,
    'tags: 綦江',
    extra,
    '---',
    '',
    '导语。',
    '',
    '## 第一节 {#first}',
    '',
    '第一节的段落。',
    '',
    '## 第二节 {#second}',
    '',
    '第二节的段落。',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n\n')
    .replace(/\n\n(?=[a-z]+:|---)/g, '\n')
}

const file = (slug: string) => join(root, 'articles', `${slug}.md`)
const publish = () => runEditor('publish', ['--local', '--persist-to', state, '--root', root], 300_000)

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-crawl-'))
  root = join(work, 'content')
  state = join(work, 'state')
  await cp('content', root, { recursive: true })
  await writeFile(file('recent-report'), article('recent-report', cst(started - 2 * HOUR)))
  await writeFile(file('old-report'), article('old-report', cst(started - 72 * HOUR)))
  await writeFile(file('future-report'), article('future-report', cst(started + 30 * 24 * HOUR)))
  await writeFile(file('to-withdraw'), article('to-withdraw', cst(started - 5 * HOUR)))
  await writeFile(file('old-name'), article('old-name', cst(started - 3 * HOUR)))
  const first = await publish()
  expect(first.code, first.stderr).toBe(0)
  // Second publish: one withdrawal, one rename (the old slug answers 301).
  const withdrawn = (await readFile(file('to-withdraw'), 'utf8')).replace(
    '\n---\n',
    `\nwithdrawn: ${cst(started)} 测试撤稿\n---\n`,
  )
  await writeFile(file('to-withdraw'), withdrawn)
  const renamed = (await readFile(file('old-name'), 'utf8'))
    .replace('slug: old-name', 'slug: new-name\naliases: old-name')
    .replace('title: 测试稿件 old-name', 'title: 测试稿件 new-name')
  await rm(file('old-name'))
  await writeFile(file('new-name'), renamed)
  const second = await publish()
  expect(second.code, second.stderr).toBe(0)
  dev = await startWranglerDev(state)
}, 900_000)
afterAll(async () => {
  await dev?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

const children = childrenNamed
const textOf = (node: XmlNode, name: string): string => children(node, name)[0]?.text ?? ''
const rootOf = parseXml

async function fetchXml(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) })
  expect([url, res.status]).toEqual([url, 200])
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  return res.text()
}

/** Follows robots.txt → the index → each sitemap; returns every document fetched and every page URL listed. */
async function crawl() {
  const robots = await fetch(`${dev.url}/robots.txt`)
  expect(robots.status).toBe(200)
  expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  const robotsText = await robots.text()
  const sitemapLines = robotsText.split('\n').filter((l) => l.startsWith('Sitemap: '))
  // The original's index, then the Traditional edition's (its pages are the same list under /zh-tw).
  expect(sitemapLines).toEqual([`Sitemap: ${dev.url}/sitemap.xml`, `Sitemap: ${dev.url}/zh-tw/sitemap.xml`])
  const hant = await fetchXml(`${dev.url}/zh-tw/sitemap.xml`)
  const hantLocs = children(rootOf(hant), 'sitemap').map((s) => textOf(s, 'loc'))
  expect(hantLocs).toContain(`${dev.url}/zh-tw/sitemaps/articles-1.xml`)
  expect(hantLocs).toContain(`${dev.url}/zh-tw/sitemaps/news.xml`)
  const hantDocuments = new Map<string, string>([[`${dev.url}/zh-tw/sitemap.xml`, hant]])
  for (const loc of hantLocs) hantDocuments.set(loc, await fetchXml(loc))
  const indexUrl = sitemapLines[0]?.slice('Sitemap: '.length) ?? ''
  const indexXml = await fetchXml(indexUrl)
  const sitemaps = children(rootOf(indexXml), 'sitemap').map((s) => ({
    loc: textOf(s, 'loc'),
    lastmod: textOf(s, 'lastmod'),
  }))
  const documents = new Map<string, string>()
  for (const s of sitemaps) documents.set(s.loc, await fetchXml(s.loc))
  return { robotsText, indexXml, sitemaps, documents, hantDocuments }
}

/** The page URLs a live article has: its page, and each feed item's page (from its JSON Feed). */
async function pagesOf(slug: string): Promise<string[]> {
  const res = await fetch(`${dev.url}/feeds/${slug}.json`)
  expect(res.status).toBe(200)
  const feed = (await res.json()) as { items: { url: string }[] }
  return [`${dev.url}/articles/${slug}`, ...feed.items.map((i) => i.url)]
}

describe('a crawler starting at /robots.txt', () => {
  it('allows everything and names the sitemap index absolutely; every sitemap validates against its schema', async () => {
    const { robotsText, indexXml, documents } = await crawl()
    expect(robotsText).toMatch(/^User-agent: \*\nAllow: \/\n/)
    const index = await validateXml(indexXml, SITEINDEX_SCHEMA)
    expect(index.errors).toBe('')
    expect(index.valid).toBe(true)
    expect(documents.size).toBeGreaterThan(1)
    for (const [url, xml] of documents) {
      const result = await validateXml(xml, URLSET_SCHEMA)
      expect([url, result.errors]).toEqual([url, ''])
    }
  })

  it("validates every sitemap of the zh-tw edition too, its news sitemap naming the edition's language", async () => {
    const { hantDocuments } = await crawl()
    expect(hantDocuments.size).toBeGreaterThan(2)
    for (const [url, xml] of hantDocuments) {
      const schema = url.endsWith('/sitemap.xml') ? SITEINDEX_SCHEMA : URLSET_SCHEMA
      const result = await validateXml(xml, schema)
      expect([url, result.errors]).toEqual([url, ''])
    }
    const news = hantDocuments.get(`${dev.url}/zh-tw/sitemaps/news.xml`) ?? ''
    const urls = children(rootOf(news), 'url')
    expect(urls.map((u) => textOf(u, 'loc')).sort()).toEqual([
      `${dev.url}/zh-tw/articles/new-name`,
      `${dev.url}/zh-tw/articles/recent-report`,
    ])
    for (const url of urls) {
      const publication = children(children(url, 'news:news')[0] ?? url, 'news:publication')[0]
      expect(publication && textOf(publication, 'news:language')).toBe('zh-tw')
    }
  })

  it('reaches every live article and section page, and nothing embargoed, withdrawn or moved', async () => {
    const { documents } = await crawl()
    const listed = [...documents]
      .filter(([url]) => /\/articles-\d+\.xml$/.test(url))
      .flatMap(([, xml]) => children(rootOf(xml), 'url').map((u) => textOf(u, 'loc')))
    expect(new Set(listed).size).toBe(listed.length)
    const expected = [
      ...(await pagesOf('qijiang-strategic-pivot')),
      ...(await pagesOf('recent-report')),
      ...(await pagesOf('old-report')),
      ...(await pagesOf('new-name')),
    ]
    expect(expected.length).toBeGreaterThan(8)
    expect(new Set(listed)).toEqual(new Set(expected))
    for (const gone of ['future-report', 'to-withdraw', 'old-name'])
      expect(listed.filter((u) => u.includes(`/${gone}`))).toEqual([])
    for (const url of listed) expect([url, (await fetch(url, { method: 'HEAD' })).status]).toEqual([url, 200])
  })

  it('reaches the topic and people lists and every topic and person page they link', async () => {
    const { documents } = await crawl()
    const listed = new Set(
      [...documents.values()].flatMap((xml) => children(rootOf(xml), 'url').map((u) => textOf(u, 'loc'))),
    )
    for (const list of ['topics', 'people']) {
      const page = await (await fetch(`${dev.url}/${list}`)).text()
      const linked = [...page.matchAll(new RegExp(`href="([^"]*/${list}/[a-z0-9-]+)"`, 'g'))].map(
        (m) => new URL(m[1] ?? '', dev.url).href,
      )
      expect(linked.length).toBeGreaterThan(0)
      expect(listed.has(`${dev.url}/${list}`)).toBe(true)
      for (const url of new Set(linked)) expect([url, listed.has(url)]).toEqual([url, true])
    }
    const subjects = [...listed].filter((u) => /\/(topics|people)\/[a-z0-9-]+$/.test(u))
    for (const url of subjects)
      expect([url, (await fetch(url, { method: 'HEAD' })).status]).toEqual([url, 200])
  })

  it("gives each article page its photos as image:image with one absolute image:loc, and lastmod the article's updated", async () => {
    const { documents } = await crawl()
    const entries = [...documents.values()].flatMap((xml) => children(rootOf(xml), 'url'))
    const seed = entries.find((u) => textOf(u, 'loc') === `${dev.url}/articles/qijiang-strategic-pivot`)
    if (!seed) throw new Error('the seed article page is not listed')
    const images = children(seed, 'image:image')
    const feed = (await (await fetch(`${dev.url}/feeds/qijiang-strategic-pivot.json`)).json()) as {
      items: { date_modified: string }[]
      _broadsheet?: unknown
    }
    expect(images.length).toBeGreaterThanOrEqual(6)
    expect(images.length).toBeLessThanOrEqual(1000)
    for (const image of images) {
      expect(children(image, 'image:loc')).toHaveLength(1)
      const loc = textOf(image, 'image:loc')
      expect(loc).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/[0-9a-f]{32}\.jpg$/)
      const res = await fetch(loc, { method: 'HEAD' })
      expect([loc, res.status, res.headers.get('content-type')]).toEqual([loc, 200, 'image/jpeg'])
    }
    const page = await fetch(`${dev.url}/articles/qijiang-strategic-pivot`)
    expect(Date.parse(textOf(seed, 'lastmod'))).toBe(Date.parse(page.headers.get('last-modified') ?? ''))
    expect(feed.items.length).toBeGreaterThan(0)
    expect(await page.text()).toContain('<meta name="robots" content="max-image-preview:large">')
  })

  it('lists in the news sitemap exactly the live articles first published in the last 48 hours, as Google requires', async () => {
    const { sitemaps, documents } = await crawl()
    const newsUrl = `${dev.url}/sitemaps/news.xml`
    expect(sitemaps.map((s) => s.loc)).toContain(newsUrl)
    const urls = children(rootOf(documents.get(newsUrl) ?? ''), 'url')
    expect(urls.length).toBeLessThanOrEqual(1000)
    expect(urls.map((u) => textOf(u, 'loc')).sort()).toEqual([
      `${dev.url}/articles/new-name`,
      `${dev.url}/articles/recent-report`,
    ])
    const now = Date.now()
    for (const url of urls) {
      const [news] = children(url, 'news:news')
      if (!news) throw new Error('a news URL without news:news')
      const [publication] = children(news, 'news:publication')
      if (!publication) throw new Error('news:news without news:publication')
      expect(textOf(publication, 'news:name')).toBe('Broadsheet')
      expect(textOf(publication, 'news:language')).toBe('zh-cn')
      const date = textOf(news, 'news:publication_date')
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
      expect(now - Date.parse(date)).toBeLessThanOrEqual(48 * HOUR)
      expect(Date.parse(date)).toBeLessThanOrEqual(now)
      const slug = textOf(url, 'loc').split('/').pop()
      expect(textOf(news, 'news:title')).toBe(`测试稿件 ${slug}`)
    }
    const recent = urls.find((u) => textOf(u, 'loc').endsWith('/recent-report'))
    const recentNews = recent && children(recent, 'news:news')[0]
    expect(recentNews && textOf(recentNews, 'news:publication_date')).toBe(cst(started - 2 * HOUR))
  })
})
