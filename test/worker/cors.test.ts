import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { request, seedArticle, seedIndex } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'
const OEMBED = `/oembed?url=${encodeURIComponent(`http://broadsheet.test/articles/${SLUG}`)}`

async function seed() {
  const article = buildArticle()
  await seedArticle(article)
  await seedIndex([article])
  await env.CONTENT.put(keys.media(`${'d'.repeat(32)}.png`), 'png', { metadata: { type: 'image/png' } })
}

describe('CORS on read routes', () => {
  it.each([`/feeds/${SLUG}.json`, '/feeds/all.rss?page=9', OEMBED, `/media/${'d'.repeat(32)}.png`])(
    'GET %s allows any origin and exposes the validators',
    async (path) => {
      await seed()
      const res = await request(path, { headers: { origin: 'https://partner.example' } })
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified, Retry-After')
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    },
  )

  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const res = await request(`/feeds/${SLUG}.json`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'If-None-Match, If-Modified-Since, Cache-Control',
    )
    expect(res.headers.get('access-control-max-age')).toBe('86400')
  })
})

describe('no CORS on pages', () => {
  it.each(['/', `/articles/${SLUG}`])('GET %s sends no Access-Control-Allow-Origin', async (path) => {
    await seed()
    const res = await request(path, { headers: { origin: 'https://partner.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers OPTIONS on a page with Allow only, so a cross-origin preflight fails', async () => {
    const res = await request('/', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
