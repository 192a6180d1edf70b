/** The feed Worker's part of federation: which URLs it hands to the federation Worker, and the home page's handle. */
import { reset } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { buildArticle } from '../fixtures/build-article.ts'
import { request, seedIndex } from './seed.ts'

describe('federation URLs', () => {
  it.each([
    ['GET', '/.well-known/webfinger?resource=acct:broadsheet@broadsheet.test'],
    ['GET', '/.well-known/nodeinfo'],
    ['GET', '/nodeinfo/2.1'],
    ['GET', '/ap/actors/paper'],
    ['POST', '/ap/inbox'],
    ['POST', '/ap/actors/paper/inbox'],
    ['OPTIONS', '/.well-known/webfinger'],
  ])('forwards %s %s to the federation Worker unchanged', async (method, path) => {
    const init = method === 'POST' ? { method, body: '{}' } : { method }
    const response = await request(path, init)
    expect(response.headers.get('x-fediverse-stub')).toBe('1')
    expect(await response.text()).toBe(`${method} ${path.replace(/\?.*$/, '')}`)
  })

  it.each(['/.well-known/webfingers', '/apx', '/__fediverse/sync', '/feeds/all.rss'])(
    'keeps %s in the route table (not forwarded)',
    async (path) => {
      const response = await request(path, { method: 'POST', body: '' })
      expect(response.headers.get('x-fediverse-stub')).toBeNull()
    },
  )
})

describe('GET / (fediverse)', () => {
  it("links the paper's actor and shows its handle", async () => {
    await reset()
    await seedIndex([buildArticle()])
    const html = await (await request('/')).text()
    expect(html).toContain(
      '<link rel="alternate" type="application/activity+json" title="Broadsheet (ActivityPub)" href="http://broadsheet.test/ap/actors/paper">',
    )
    expect(html).toContain('@broadsheet@broadsheet.test</a>')
  })
})
