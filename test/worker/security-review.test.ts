/** Security review through the Worker: read-only on every route, CORS only on read APIs, headers on every HTML answer. */
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { routes } from '../../worker/routes.ts'
import { buildAllPage, buildArticle } from '../fixtures/build-article.ts'
import { request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

const SLUG = 'security-target'
const MEDIA = `${'c'.repeat(32)}.svg`

afterEach(() => vi.restoreAllMocks())

beforeAll(async () => {
  const article = buildArticle({ slug: SLUG })
  await seedArticle(article)
  await seedIndex([article])
  await seedAllPage(buildAllPage())
  await env.CONTENT.put(
    keys.media(MEDIA),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
    {
      metadata: { h: 'x', type: 'image/svg+xml' },
    },
  )
})

/** A concrete URL for each route pattern of the route table (so a new route is covered automatically). */
const concrete = (pattern: string): string =>
  pattern.replace(':slug', SLUG).replace(':name', MEDIA).replace(':hash', '0badcafe')

const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
}

describe('every route of the route table', () => {
  it.each(routes.map((r) => r.path))('%s answers every write method with 405 and Allow', async (pattern) => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      const res = await request(concrete(pattern), { method, body: method === 'DELETE' ? null : 'x=1' })
      expect(`${method} ${res.status}`).toBe(`${method} 405`)
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
      await res.arrayBuffer()
    }
  })
})

describe('CORS', () => {
  it.each(['/', `/articles/${SLUG}`, '/articles/missing', '/no-such-page'])(
    'page %s carries no Access-Control-Allow-Origin, even when asked from another origin',
    async (path) => {
      const res = await request(path, { headers: { origin: 'https://evil.example' } })
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      await res.arrayBuffer()
    },
  )

  it('answers a preflight for a page without any CORS grant', async () => {
    const res = await request(`/articles/${SLUG}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
  })
})

describe('security headers on every HTML response', () => {
  it.each([
    ['GET', '/', 200],
    ['GET', `/articles/${SLUG}`, 200],
    ['HEAD', `/articles/${SLUG}`, 200],
    ['GET', '/articles/missing', 404],
    ['GET', '/articles/Not_A_Slug', 404],
    ['POST', `/articles/${SLUG}`, 405],
    ['GET', `/${'a'.repeat(2_000)}`, 414],
  ] as const)(
    '%s %s (%i) has the page CSP, nosniff, DENY framing and a referrer policy',
    async (method, path, status) => {
      const res = await request(path, { method })
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const csp = res.headers.get('content-security-policy') ?? ''
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ])
        expect(csp).toContain(directive)
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
      expect(Object.fromEntries(Object.keys(PAGE_HEADERS).map((h) => [h, res.headers.get(h)]))).toEqual(
        PAGE_HEADERS,
      )
      await res.arrayBuffer()
    },
  )

  it('keeps them on the 503 page of a corrupt article value', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await env.CONTENT.put(keys.article('corrupt'), '{"version":')
    const res = await request('/articles/corrupt')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    await res.arrayBuffer()
  })
})

describe('media', () => {
  it('serves an SVG under a sandbox CSP with nosniff, so opened directly it cannot script our origin', async () => {
    const res = await request(`/media/${MEDIA}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    )
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    await res.arrayBuffer()
  })
})
