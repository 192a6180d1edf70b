/** The topic and people sitemaps, from the directory pages publish writes, and their place in the sitemap index. */
import { reset } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { setClock } from '../../worker/clock.ts'
import { ORIGIN, request } from './seed.ts'

const LIFT = '2026-11-28T08:00:00+08:00'
const liftMs = Date.parse(LIFT)

async function seedDirectory(kind: 'topic' | 'person', page: number, pages: number, entries: object[]) {
  const value = { version: `${kind}-${page}-v1`, page, pages, entries }
  await env.CONTENT.put(keys.directoryPage(kind, page), JSON.stringify(value), {
    metadata: { h: value.version },
  })
}

beforeEach(async () => {
  await reset()
  await seedDirectory('topic', 1, 2, [
    { kind: 'topic', id: 'qijiang', name: '綦江', updated: '2026-11-27T08:00:00+08:00' },
    { kind: 'topic', id: 'scoop', name: '独家', updated: LIFT },
    { kind: 'topic', id: 'empty', name: '空', updated: null },
  ])
  await seedDirectory('topic', 2, 2, [
    { kind: 'topic', id: 'later', name: '后来', updated: '2026-11-26T08:00:00+08:00' },
  ])
  await seedDirectory('person', 1, 1, [
    { kind: 'person', id: 'shi-liang', name: '石亮', updated: '2026-11-25T08:00:00+08:00' },
  ])
})
afterEach(() => setClock(() => Date.now()))

describe('GET /sitemaps/topics-{page}.xml and /sitemaps/people-{page}.xml', () => {
  it('lists the list page and each subject page, lastmod the time its feed last changed', async () => {
    setClock(() => liftMs - 1000)
    const res = await request('/sitemaps/topics-1.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const body = await res.text()
    expect(body).toContain(
      `<url><loc>${ORIGIN}/topics</loc><lastmod>2026-11-27T08:00:00+08:00</lastmod></url>`,
    )
    expect(body).toContain(
      `<url><loc>${ORIGIN}/topics/qijiang</loc><lastmod>2026-11-27T08:00:00+08:00</lastmod></url>`,
    )
    // A time still ahead (an embargoed article) is left out until it comes.
    expect(body).toContain(`<url><loc>${ORIGIN}/topics/scoop</loc></url>`)
    expect(body).toContain(`<url><loc>${ORIGIN}/topics/empty</loc></url>`)
    setClock(() => liftMs)
    expect(await (await request('/sitemaps/topics-1.xml')).text()).toContain(
      `<url><loc>${ORIGIN}/topics/scoop</loc><lastmod>${LIFT}</lastmod></url>`,
    )
    const people = await (await request('/sitemaps/people-1.xml')).text()
    expect(people).toContain(`<loc>${ORIGIN}/people/shi-liang</loc>`)
    expect((await request('/sitemaps/people-2.xml')).status).toBe(404)
    expect(await (await request('/sitemaps/topics-2.xml')).text()).toContain(
      `<loc>${ORIGIN}/topics?page=2</loc>`,
    )
  })

  it('are named by the sitemap index, every page of each list', async () => {
    setClock(() => liftMs)
    const index = await (await request('/sitemap.xml')).text()
    expect(index).toContain(
      `<sitemap><loc>${ORIGIN}/sitemaps/topics-1.xml</loc><lastmod>${LIFT}</lastmod></sitemap>`,
    )
    expect(index).toContain(`<sitemap><loc>${ORIGIN}/sitemaps/topics-2.xml</loc></sitemap>`)
    expect(index).toContain(
      `<sitemap><loc>${ORIGIN}/sitemaps/people-1.xml</loc><lastmod>2026-11-25T08:00:00+08:00</lastmod></sitemap>`,
    )
  })
})
