import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { pastFreshnessWindow } from './fresh-isolate.ts'
import { request, seedArticle, seedIndex } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'

describe('Cache-Control', () => {
  it.each([
    [
      `/feeds/${SLUG}.rss`,
      'public, max-age=300, s-maxage=900, stale-while-revalidate=3600, stale-if-error=86400',
    ],
    ['/feeds.opml', 'public, max-age=300, s-maxage=900, stale-while-revalidate=3600, stale-if-error=86400'],
    [
      `/articles/${SLUG}`,
      'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400',
    ],
    ['/', 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400'],
    ['/favicon.svg', 'public, max-age=86400'],
    ['/feeds/missing.rss', 'public, max-age=60'],
  ])('GET %s sends %s', async (path, value) => {
    const article = buildArticle()
    await seedArticle(article)
    await seedIndex([article])
    expect((await request(path)).headers.get('cache-control')).toBe(value)
  })

  it('sends media as immutable for a year', async () => {
    await env.CONTENT.put(keys.media(`${'c'.repeat(32)}.jpg`), 'jpeg', { metadata: { type: 'image/jpeg' } })
    const res = await request(`/media/${'c'.repeat(32)}.jpg`)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('never stores a 503', async () => {
    await env.CONTENT.put(keys.article(SLUG), '{"broken"')
    expect((await request(`/feeds/${SLUG}.rss`)).headers.get('cache-control')).toBe('no-store')
  })

  it('varies text formats on Accept-Encoding', async () => {
    await seedArticle()
    expect((await request(`/feeds/${SLUG}.json`)).headers.get('vary')).toBe('Accept-Encoding')
  })
})

describe('edge cache', () => {
  it('serves a publish once the freshness window has passed: the changed article replaces the cached feed', async () => {
    await seedArticle()
    const before = await (await request(`/feeds/${SLUG}.rss`)).text()
    expect(before).toContain('綦江：战略转身')
    await seedArticle(buildArticle({ title: '綦江：更正后的标题' }))
    pastFreshnessWindow()
    const after = await (await request(`/feeds/${SLUG}.rss`)).text()
    expect(after).toContain('綦江：更正后的标题')
    expect(after).not.toContain('綦江：战略转身')
  })

  it('serves identical bytes from the cache as from a fresh render, in both codings', async () => {
    await seedArticle()
    for (const coding of ['identity', 'gzip']) {
      const headers = { 'accept-encoding': coding }
      const miss = await (await request(`/articles/${SLUG}`, { headers })).text()
      const hit = await (await request(`/articles/${SLUG}`, { headers })).text()
      expect(hit).toBe(miss)
    }
  })

  it('keeps the cached body out of reach of an unknown cache-busting parameter', async () => {
    await seedArticle()
    const a = await request(`/feeds/${SLUG}.json?__etag=forged`)
    expect(a.status).toBe(200)
    expect(await a.json()).toMatchObject({ version: 'https://jsonfeed.org/version/1.1' })
  })
})
