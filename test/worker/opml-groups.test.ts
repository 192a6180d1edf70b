/** The OPML lists grouped as the whole paper, Topics, People and Articles, paged through the subject directories. */
import { reset } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { OPML_SUBJECTS } from '../../model/opml-pages.ts'
import { keys } from '../../model/store-keys.ts'
import { DIRECTORY_PAGE_SIZE, type DirectoryEntry } from '../../model/store-values.ts'
import type { SubjectKind } from '../../model/subject.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { childrenNamed, onlyChild, parseXml, type XmlNode } from '../helpers/parse-xml.ts'
import { request, seedIndex } from './seed.ts'

const BASE = 'http://broadsheet.test'
const UPDATED = '2026-11-30T10:00:00+08:00'

/** Stores a kind's directory as publish pages it: `count` subjects, DIRECTORY_PAGE_SIZE a page; `unpublished` ids have no feed yet. */
async function seedDirectory(kind: SubjectKind, count: number, unpublished: readonly number[] = []) {
  const pages = Math.ceil(count / DIRECTORY_PAGE_SIZE)
  for (let page = 1; page <= pages; page++) {
    const entries: DirectoryEntry[] = []
    for (let i = (page - 1) * DIRECTORY_PAGE_SIZE; i < Math.min(count, page * DIRECTORY_PAGE_SIZE); i++)
      entries.push({
        kind,
        id: `${kind}-${i}`,
        name: `${kind === 'topic' ? '话题' : '人'}${i}`,
        updated: unpublished.includes(i) ? null : UPDATED,
      })
    const value = { version: `${kind}-${page}-${count}`, page, pages, entries }
    await env.CONTENT.put(keys.directoryPage(kind, page), JSON.stringify(value))
  }
}

/** The body's outlines as [group text, the xmlUrls in it]. */
async function groups(path: string): Promise<[string, string[]][]> {
  const res = await request(path)
  expect(res.status).toBe(200)
  const body = onlyChild(parseXml(await res.text()), 'body')
  return childrenNamed(body, 'outline').map((o: XmlNode): [string, string[]] => [
    o.attributes.text ?? '',
    childrenNamed(o, 'outline').map((c) => c.attributes.xmlUrl ?? ''),
  ])
}

const feeds = (kind: 'topics' | 'people', from: number, to: number, ext = 'rss') =>
  Array.from(
    { length: to - from },
    (_, k) => `${BASE}/feeds/${kind}/${kind === 'topics' ? 'topic' : 'person'}-${from + k}.${ext}`,
  )

beforeEach(async () => {
  await reset()
})

describe('GET /feeds.opml grouped', () => {
  it('nests the whole paper, the topics, the people and the newest articles, each in its own outline', async () => {
    await seedIndex([buildArticle()])
    await seedDirectory('topic', 3, [1])
    await seedDirectory('person', 2)
    expect(await groups('/feeds.json.opml')).toEqual([
      ['全部文章订阅', [`${BASE}/feeds/all.json`]],
      ['话题', [`${BASE}/feeds/topics/topic-0.json`, `${BASE}/feeds/topics/topic-2.json`]],
      ['作者与摄影', feeds('people', 0, 2, 'json')],
      ['文章', [`${BASE}/feeds/qijiang-strategic-pivot.json`]],
    ])
  })

  it('names each subject and links its page, in the site language', async () => {
    await seedIndex([buildArticle()])
    await seedDirectory('person', 1)
    const xml = await (await request('/feeds.opml')).text()
    expect(xml).toContain(
      `<outline type="rss" version="RSS" text="人0" title="人0" xmlUrl="${BASE}/feeds/people/person-0.rss" htmlUrl="${BASE}/people/person-0" language="zh-CN"/>`,
    )
  })

  it('leaves out the topic and people groups when the site has none', async () => {
    await seedIndex([buildArticle()])
    expect((await groups('/feeds.opml')).map(([text]) => text)).toEqual(['全部文章订阅', '文章'])
    expect((await request('/feeds.opml?page=2')).status).toBe(404)
  })
})

describe('GET /feeds.opml?page=N', () => {
  it('lists 125 topics and 125 people a page, the rest on ?page=2, 3…', async () => {
    await seedIndex([buildArticle()])
    await seedDirectory('topic', 600)
    await seedDirectory('person', 300)
    const first = await groups('/feeds.opml')
    expect(first.map(([text]) => text)).toEqual(['全部文章订阅', '话题', '作者与摄影', '文章'])
    expect(first[1]?.[1]).toEqual(feeds('topics', 0, 125))
    expect(first[2]?.[1]).toEqual(feeds('people', 0, 125))
    expect(await groups('/feeds.opml?page=3')).toEqual([
      ['话题', feeds('topics', 250, 375)],
      ['作者与摄影', feeds('people', 250, 300)],
    ])
    // Page 5 is the topic directory's second page; the people ended on page 3.
    expect(await groups('/feeds.atom.opml?page=5')).toEqual([['话题', feeds('topics', 500, 600, 'atom')]])
    const topics: string[] = []
    const people: string[] = []
    for (let page = 1; page <= 5; page++)
      for (const [text, urls] of await groups(`/feeds.opml?page=${page}`))
        if (text === '话题') topics.push(...urls)
        else if (text === '作者与摄影') people.push(...urls)
    expect(topics).toEqual(feeds('topics', 0, 600))
    expect(people).toEqual(feeds('people', 0, 300))
    expect((await request('/feeds.opml?page=6')).status).toBe(404)
    expect((await request('/feeds.opml?page=0')).status).toBe(404)
    expect((await request('/feeds.opml?archive=2')).status).toBe(404)
  })

  it('stays under 200 KB a page with full directory pages of long names and the newest articles', async () => {
    const long = (i: number) => ({
      slug: `a-long-article-slug-of-sixty-characters-or-so-number-${i}`,
      title: '长'.repeat(60),
    })
    await seedIndex(Array.from({ length: 99 }, (_, i) => buildArticle(long(i))))
    // Two OPML pages' worth of each kind, paged as publish pages the directory.
    const count = 2 * OPML_SUBJECTS
    const pages = Math.ceil(count / DIRECTORY_PAGE_SIZE)
    for (const kind of ['topic', 'person'] as const)
      for (let page = 1; page <= pages; page++) {
        const first = (page - 1) * DIRECTORY_PAGE_SIZE
        const entries: DirectoryEntry[] = Array.from(
          { length: Math.min(DIRECTORY_PAGE_SIZE, count - first) },
          (_, i) => ({
            kind,
            id: `a-subject-id-of-forty-characters-num-${String(first + i).padStart(3, '0')}`,
            name: '名'.repeat(30),
            updated: UPDATED,
          }),
        )
        await env.CONTENT.put(
          keys.directoryPage(kind, page),
          JSON.stringify({ version: `${kind}-${page}`, page, pages, entries }),
        )
      }
    for (const path of ['/feeds.opml', '/feeds.opml?page=2']) {
      const bytes = (await (await request(path)).arrayBuffer()).byteLength
      expect(bytes).toBeGreaterThan(100_000)
      expect(bytes).toBeLessThan(200_000)
    }
  })
})
