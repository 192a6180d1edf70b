/** What article URLs answer after a withdrawal (410) or a rename (301), and the paginated article list. */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { request, seedArticle, seedIndex, summaryOf } from './seed.ts'

describe('a withdrawn article', () => {
  it('answers 410 Gone on its page, its feeds and oEmbed', async () => {
    await env.CONTENT.put(
      keys.article('withdrawn-story'),
      JSON.stringify({
        version: 'g1',
        gone: { slug: 'withdrawn-story', withdrawn: '2026-11-25T10:00:00+08:00', reason: '应当事人要求撤稿' },
      }),
    )
    const page = await request('/articles/withdrawn-story')
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('应当事人要求撤稿')
    for (const format of ['rss', 'atom', 'json']) {
      const feed = await request(`/feeds/withdrawn-story.${format}`)
      expect(feed.status).toBe(410)
      expect(feed.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    const oembed = await request('/oembed?url=http%3A%2F%2Fbroadsheet.test%2Farticles%2Fwithdrawn-story')
    expect(oembed.status).toBe(410)
  })
})

describe('a former slug (alias)', () => {
  it('answers 301 to the same URL under the new slug, keeping the format', async () => {
    await seedArticle(buildArticle({ slug: 'new-name' }))
    await env.CONTENT.put(
      keys.article('old-name'),
      JSON.stringify({ version: 'm1', moved: { to: 'new-name' } }),
    )
    const moves: [string, string][] = [
      ['/articles/old-name', '/articles/new-name'],
      ['/feeds/old-name.rss', '/feeds/new-name.rss'],
      ['/feeds/old-name.json', '/feeds/new-name.json'],
    ]
    for (const [from, to] of moves) {
      const res = await request(from, { redirect: 'manual' })
      expect(res.status).toBe(301)
      expect(res.headers.get('location')).toBe(`http://broadsheet.test${to}`)
    }
  })
})

describe('GET / as a paginated list', () => {
  it('shows the newest articles first and links the older complete page', async () => {
    const older = buildArticle({ slug: 'older-story', title: '较早的文章' })
    const head = await seedIndex([buildArticle()])
    await env.CONTENT.put(keys.indexHead(), JSON.stringify({ ...head, version: 'p3', pages: 3 }))
    await env.CONTENT.put(
      keys.indexPage(2),
      JSON.stringify({ version: 'p2', page: 2, updated: null, articles: [{ ...summaryOf(older), n: 50 }] }),
    )
    const home = await (await request('/')).text()
    expect(home).toContain('href="http://broadsheet.test/?page=2"')
    const page = await request('/?page=2')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('较早的文章')
    expect(html).toContain('href="http://broadsheet.test/?page=1"')
    expect((await request('/?page=7')).status).toBe(404)
    expect((await request('/?page=0')).status).toBe(404)
  })
})
