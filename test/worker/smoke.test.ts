import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

describe('GET /', () => {
  it('lists the articles from the index', async () => {
    await env.CONTENT.put('v1:index', JSON.stringify({ version: 'x', updated: null, articles: [] }))
    const res = await exports.default.fetch('http://example.com/')
    expect(res.status).toBe(200)
  })
})
