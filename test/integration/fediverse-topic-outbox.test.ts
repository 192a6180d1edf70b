/**
 * A topic's outbox, as the federation Worker serves it from D1 (`article_topics`) and KV (the articles), on
 * Miniflare's D1 and KV: paged newest first with `first`/`next`/`prev` and `totalItems`, an embargoed article absent
 * until its time, a withdrawn one as a Tombstone. The clock is data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureSchema } from '../../fediverse/schema.ts'
import { TOPIC_OUTBOX_PAGE_SIZE, topicOutboxRoute } from '../../fediverse/topic-routes.ts'
import { keys } from '../../model/store-keys.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { buildFediConfig } from '../fixtures/fedi-config.ts'
import { startD1, type TestD1 } from '../helpers/miniflare-d1.ts'

const BASE = 'https://news.example'
const OUTBOX = `${BASE}/ap/actors/topic-qijiang/outbox`
const LIVE = 45
/** Published an hour after NOW: embargoed. */
const NOW = Date.parse('2026-03-01T12:00:00Z')
const config = buildFediConfig(BASE)

let d1: TestD1
const envOf = (t: TestD1) => ({ CONTENT: t.kv, FEDI_DB: t.db })
type Page = {
  totalItems?: number
  first?: string
  next?: string
  prev?: string
  orderedItems: { type: string; actor: string; object: { id: string; type: string } }[]
}
const get = async (query: string, now = NOW) => {
  const res = await topicOutboxRoute(envOf(d1), 'qijiang', new URL(`${OUTBOX}${query}`), config, now)
  return { status: res.status, body: (res.status === 200 ? await res.json() : null) as Page }
}
const slugAt = (i: number) => `a-${String(i).padStart(3, '0')}`
const publishedAt = (i: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + i * 3_600_000).toISOString()

beforeAll(async () => {
  d1 = await startD1()
  await ensureSchema(d1.db)
  await d1.kv.put(
    keys.directoryPage('topic', 1),
    JSON.stringify({
      version: 'd1',
      page: 1,
      pages: 1,
      entries: [{ kind: 'topic', id: 'qijiang', name: '綦江', updated: null }],
    }),
  )
  const rows: [string, string][] = []
  for (let i = 0; i < LIVE; i++) rows.push([slugAt(i), publishedAt(i)])
  rows.push(['embargoed', new Date(NOW + 3_600_000).toISOString()])
  for (const [slug, published] of rows) {
    const article = buildArticle({ slug, published, updated: published, topics: ['qijiang', 'districts'] })
    await d1.kv.put(keys.article(slug), JSON.stringify({ version: `v-${slug}`, article }))
    await d1.db
      .prepare('INSERT INTO article_topics (slug, topic, published) VALUES (?, ?, ?)')
      .bind(slug, 'qijiang', published.replace(/\.\d{3}Z$/, 'Z'))
      .run()
  }
  await d1.kv.put(
    keys.article(slugAt(44)),
    JSON.stringify({
      version: 'gone',
      gone: { slug: slugAt(44), withdrawn: '2026-02-01T00:00:00Z', reason: '撤稿' },
    }),
  )
}, 60_000)
afterAll(async () => {
  await d1?.dispose()
})

describe('GET /ap/actors/topic-{id}/outbox', () => {
  it('counts what the topic announced and is visible now, and names its first page', async () => {
    expect((await get('')).body).toMatchObject({
      type: 'OrderedCollection',
      totalItems: LIVE,
      first: `${OUTBOX}?page=1`,
    })
  })

  it('pages newest first, each page linking the older as next and the newer as prev', async () => {
    const pages = Math.ceil(LIVE / TOPIC_OUTBOX_PAGE_SIZE)
    const seen: string[] = []
    for (let n = 1; n <= pages; n++) {
      const { body } = await get(`?page=${n}`)
      expect(body.next).toBe(n < pages ? `${OUTBOX}?page=${n + 1}` : undefined)
      expect(body.prev).toBe(n > 1 ? `${OUTBOX}?page=${n - 1}` : undefined)
      seen.push(...body.orderedItems.map((i) => i.object.id))
    }
    expect(seen).toEqual(
      Array.from({ length: LIVE }, (_, i) => `${BASE}/ap/articles/${slugAt(LIVE - 1 - i)}`),
    )
    expect((await get(`?page=${pages + 1}`)).status).toBe(404)
  })

  it("gives each item as the topic's Announce, a withdrawn article's as its Tombstone", async () => {
    const [newest, next] = (await get('?page=1')).body.orderedItems
    expect(newest).toMatchObject({
      type: 'Announce',
      actor: `${BASE}/ap/actors/topic-qijiang`,
      object: { type: 'Tombstone' },
    })
    expect(next?.object.type).toBe('Article')
  })

  it('leaves an embargoed article out until its time, then shows it first', async () => {
    const later = NOW + 2 * 3_600_000
    expect((await get('', later)).body.totalItems).toBe(LIVE + 1)
    expect((await get('?page=1', later)).body.orderedItems[0]?.object.id).toBe(
      `${BASE}/ap/articles/embargoed`,
    )
  })

  it('answers 404 for a topic the topic list lacks', async () => {
    const res = await topicOutboxRoute(
      envOf(d1),
      'nowhere',
      new URL(`${BASE}/ap/actors/topic-nowhere/outbox`),
      config,
      NOW,
    )
    expect(res.status).toBe(404)
  })
})
