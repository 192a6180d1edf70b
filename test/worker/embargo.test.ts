/** An embargoed article: stored, absent from every surface before its time, present after, with no publish between. */
import { reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../model/article.ts'
import { setClock } from '../../worker/clock.ts'
import { buildAllPage, buildArticle, buildFeedEntry, buildSection } from '../fixtures/build-article.ts'
import { request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

const LIFT = '2026-11-28T08:00:00+08:00'
const before = Date.parse(LIFT) - 1000
const after = Date.parse(LIFT)

const old = buildArticle()
const embargoed: Article = buildArticle({
  slug: 'tomorrow-8am',
  title: '明早八点发布',
  published: LIFT,
  updated: LIFT,
  sections: [buildSection({ id: 'scoop', heading: '独家', updated: LIFT })],
})

/** Seeds what publish writes: both articles, the index and the "all" page list the embargoed one too. */
async function seedSite() {
  await seedArticle(old)
  await seedArticle(embargoed)
  await seedIndex([embargoed, old])
  await seedAllPage(
    buildAllPage({
      items: [buildFeedEntry(embargoed), ...old.sections.map((_, i) => buildFeedEntry(old, i))],
    }),
  )
}

const SURFACES = [
  '/articles/tomorrow-8am',
  '/feeds/tomorrow-8am.rss',
  '/feeds/tomorrow-8am.atom',
  '/feeds/tomorrow-8am.json',
  `/oembed?url=${encodeURIComponent('http://broadsheet.test/articles/tomorrow-8am')}&format=json`,
]
const LISTS = ['/', '/feeds.opml', '/feeds/all.rss', '/feeds/all.atom', '/feeds/all.json']

beforeEach(async () => {
  await reset()
  await seedSite()
})
afterEach(() => setClock(() => Date.now()))

describe('an article whose published time is ahead', () => {
  it('answers 404 on its page, feeds and oEmbed before its time, and 200 from that second, with no publish between', async () => {
    setClock(() => before)
    for (const path of SURFACES) expect([path, (await request(path)).status]).toEqual([path, 404])
    setClock(() => after)
    for (const path of SURFACES) expect([path, (await request(path)).status]).toEqual([path, 200])
  })

  it('is in no list before its time (home, OPML, the "all" feeds; so in no widget) and in every list after', async () => {
    setClock(() => before)
    for (const path of LISTS) {
      const body = await (await request(path)).text()
      expect([path, body.includes('tomorrow-8am')]).toEqual([path, false])
      expect([path, body.includes('qijiang-strategic-pivot')]).toEqual([path, true])
    }
    setClock(() => after)
    for (const path of LISTS)
      expect([path, (await (await request(path)).text()).includes('tomorrow-8am')]).toEqual([path, true])
  })

  it("changes the lists' validators at that moment, and a 304 before becomes a 200 after", async () => {
    setClock(() => before)
    const first = await request('/feeds/all.atom')
    const etag = first.headers.get('etag') ?? ''
    const modified = first.headers.get('last-modified')
    expect((await request('/feeds/all.atom', { headers: { 'if-none-match': etag } })).status).toBe(304)
    setClock(() => after)
    const lifted = await request('/feeds/all.atom', { headers: { 'if-none-match': etag } })
    expect(lifted.status).toBe(200)
    expect(lifted.headers.get('etag')).not.toBe(etag)
    expect(lifted.headers.get('last-modified')).not.toBe(modified)
    expect(lifted.headers.get('last-modified')).toBe(new Date(after).toUTCString())
  })
})
