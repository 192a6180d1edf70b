/** The feed Worker's part of the discovery Worker: which requests it hands over, and the cron run it tells it. */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import discovery from '../../discovery/index.ts'
import { DISCOVERY_CRON_PATH } from '../../worker/discovery-paths.ts'
import worker from '../../worker/index.ts'
import { ORIGIN } from './seed.ts'

/** A DISCOVERY binding that answers with what it was asked, and keeps each request. */
function recordingBinding() {
  const seen: { method: string; url: string; body: string }[] = []
  const binding = {
    fetch: async (input: RequestInfo, init?: RequestInit) => {
      const req = new Request(input, init)
      seen.push({ method: req.method, url: req.url, body: await req.text() })
      return new Response(`${req.method} ${new URL(req.url).pathname}`, {
        headers: { 'x-discovery-stub': '1' },
      })
    },
  } as unknown as Fetcher
  return { seen, binding }
}

async function feedWorker(req: Request, DISCOVERY: Fetcher): Promise<Response> {
  const ctx = createExecutionContext()
  const response = await worker.fetch(req, { ...env, DISCOVERY }, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

describe('discovery URLs', () => {
  it.each([
    ['GET', '/sitemap.xml'],
    ['GET', '/sitemaps/articles-1.xml'],
    ['GET', '/sitemaps/news.xml'],
    ['GET', '/sitemaps/topics-1.xml'],
    ['HEAD', '/sitemaps/people-2.xml'],
    ['GET', '/zh-tw/sitemap.xml'],
    ['GET', '/robots.txt'],
    ['GET', '/a1b2c3d4e5f6a7b8.txt'],
    ['GET', '/feeds.opml?page=2'],
    ['GET', '/zh-tw/feeds.atom.opml'],
    ['GET', '/feeds.json.opml'],
    ['OPTIONS', '/oembed'],
    ['GET', '/zh-tw/oembed?url=x'],
    ['POST', '/sitemap.xml'],
  ])('forwards %s %s to the discovery Worker unchanged', async (method, path) => {
    const { seen, binding } = recordingBinding()
    const response = await feedWorker(new Request(`${ORIGIN}${path}`, { method }), binding)
    expect(response.headers.get('x-discovery-stub')).toBe('1')
    expect(seen.map((r) => [r.method, r.url])).toEqual([[method, `${ORIGIN}${path}`]])
  })

  it.each([DISCOVERY_CRON_PATH, '/feeds/all.rss', '/', '/sitemaps', '/feeds.opml/', '/favicon.svg'])(
    'keeps %s to itself (not forwarded)',
    async (path) => {
      const { seen, binding } = recordingBinding()
      const response = await feedWorker(
        new Request(`${ORIGIN}${path}`, { method: 'POST', body: '' }),
        binding,
      )
      expect(response.headers.get('x-discovery-stub')).toBeNull()
      expect(seen).toEqual([])
    },
  )
})

describe('the cron', () => {
  it("tells the discovery Worker the run's time and expression", async () => {
    const { seen, binding } = recordingBinding()
    const ctx = createExecutionContext()
    const controller = createScheduledController({ scheduledTime: 1_764_288_000_000, cron: '*/5 * * * *' })
    const FEDIVERSE = recordingBinding().binding
    await worker.scheduled(controller, { ...env, DISCOVERY: binding, FEDIVERSE }, ctx)
    await waitOnExecutionContext(ctx)
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `https://discovery.internal${DISCOVERY_CRON_PATH}`,
        body: JSON.stringify({ scheduledTime: 1_764_288_000_000, cron: '*/5 * * * *' }),
      },
    ])
  })

  it('is run by the discovery Worker on a POST naming it, and refused otherwise', async () => {
    const call = async (init: RequestInit) => {
      const ctx = createExecutionContext()
      const res = await discovery.fetch(
        new Request(`https://discovery.internal${DISCOVERY_CRON_PATH}`, init),
        env,
        ctx,
      )
      await waitOnExecutionContext(ctx)
      return res.status
    }
    const run = JSON.stringify({ scheduledTime: Date.now(), cron: '*/5 * * * *' })
    expect(await call({ method: 'POST', body: run })).toBe(204)
    expect(await call({ method: 'GET' })).toBe(405)
    expect(await call({ method: 'POST', body: '{"cron": 5}' })).toBe(400)
    expect(await call({ method: 'POST', body: 'not json' })).toBe(400)
  })
})
