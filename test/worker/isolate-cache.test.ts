/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { editionKey, keys } from '../../model/store-keys.ts'
import { MAX_FRESHNESS_SECONDS } from '../../worker/http/isolate-cache.ts'
import { editionNamespace, readArticle } from '../../worker/store.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { advanceClock, freezeClock, pastFreshnessWindow } from './fresh-isolate.ts'
import { callWorker, ORIGIN, seedArticle } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'
const FEED = `${ORIGIN}/feeds/${SLUG}.rss`

/** The test KV binding wrapped to count reads (every read the Worker does goes through `getWithMetadata`). */
function countingKv(): { kv: KVNamespace; reads: () => number } {
  let reads = 0
  const real = env.CONTENT
  const kv = new Proxy(real, {
    get(target, name) {
      const value = Reflect.get(target, name)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (name === 'get' || name === 'getWithMetadata') reads++
        return Reflect.apply(value, target, args)
      }
    },
  })
  return { kv, reads: () => reads }
}

async function bodyOf(res: Response): Promise<string> {
  return new TextDecoder().decode(await res.arrayBuffer())
}

describe('answers from the isolate', () => {
  it('serves a hit with no KV read: one read for the first request, none for the next within the window', async () => {
    await seedArticle()
    const { kv, reads } = countingKv()
    const first = await bodyOf(await callWorker(new Request(FEED), { CONTENT: kv }))
    expect(reads()).toBe(1)
    const second = await bodyOf(await callWorker(new Request(FEED), { CONTENT: kv }))
    expect(reads()).toBe(1)
    expect(second).toBe(first)
  })

  it('keeps serving a deleted value until the window ends, then reads KV again (404)', async () => {
    await seedArticle()
    freezeClock()
    const first = await callWorker(new Request(FEED))
    const body = await bodyOf(first)
    await env.CONTENT.delete(keys.article(SLUG))
    advanceClock(MAX_FRESHNESS_SECONDS * 1000 - 1)
    const inside = await callWorker(new Request(FEED))
    expect(inside.status).toBe(200)
    expect(await bodyOf(inside)).toBe(body)
    expect(inside.headers.get('etag')).toBe(first.headers.get('etag'))
    advanceClock(1)
    expect((await callWorker(new Request(FEED))).status).toBe(404)
  })

  it('answers If-None-Match with a 304 from memory: same validators, no body, no Content-Type', async () => {
    await seedArticle()
    const { kv, reads } = countingKv()
    const first = await callWorker(new Request(FEED), { CONTENT: kv })
    await first.arrayBuffer()
    const etag = first.headers.get('etag') ?? ''
    const res = await callWorker(new Request(FEED, { headers: { 'if-none-match': etag } }), { CONTENT: kv })
    expect(reads()).toBe(1)
    expect(res.status).toBe(304)
    expect(res.headers.get('etag')).toBe(etag)
    expect(res.headers.get('last-modified')).toBe(first.headers.get('last-modified'))
    expect(res.headers.get('cache-control')).toBe(first.headers.get('cache-control'))
    expect(res.headers.get('content-type')).toBeNull()
    expect(await res.text()).toBe('')
  })

  it('answers If-Modified-Since from memory when there is no If-None-Match', async () => {
    await seedArticle()
    const first = await callWorker(new Request(FEED))
    await first.arrayBuffer()
    const since = first.headers.get('last-modified') ?? ''
    const res = await callWorker(new Request(FEED, { headers: { 'if-modified-since': since } }))
    expect(res.status).toBe(304)
    const stale = await callWorker(
      new Request(FEED, { headers: { 'if-none-match': '"other"', 'if-modified-since': since } }),
    )
    expect(stale.status).toBe(200)
  })

  it('keeps each coding apart: gzip and identity from memory, each with its own ETag and Vary', async () => {
    await seedArticle()
    const gzip = { headers: { 'accept-encoding': 'gzip' } }
    const identity = { headers: { 'accept-encoding': 'identity' } }
    for (let round = 0; round < 2; round++) {
      const zipped = await callWorker(new Request(FEED, gzip))
      const plain = await callWorker(new Request(FEED, identity))
      expect(zipped.headers.get('content-encoding')).toBe('gzip')
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding')
      expect(plain.headers.get('vary')).toBe('Accept-Encoding')
      expect(zipped.headers.get('etag')).toBe(`${plain.headers.get('etag')?.slice(0, -1)}-gzip"`)
      const unzipped = await new Response(zipped.body?.pipeThrough(new DecompressionStream('gzip'))).text()
      expect(unzipped).toBe(await plain.text())
    }
  })

  it('answers HEAD from memory with the GET headers and no body', async () => {
    await seedArticle()
    const get = await callWorker(new Request(FEED, { headers: { origin: 'https://partner.example' } }))
    await get.arrayBuffer()
    const head = await callWorker(new Request(FEED, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    for (const name of ['etag', 'content-type', 'cache-control', 'access-control-allow-origin', 'vary'])
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
  })

  it('never answers one site configuration with another one’s response', async () => {
    await seedArticle()
    const home = `${ORIGIN}/`
    const a = await bodyOf(await callWorker(new Request(home)))
    const b = await bodyOf(await callWorker(new Request(home), { SITE_TITLE: 'Another title' }))
    expect(a).not.toContain('Another title')
    expect(b).toContain('Another title')
  })

  it('reads KV on every request when ISOLATE_CACHE_SECONDS is "0"', async () => {
    await seedArticle()
    const { kv, reads } = countingKv()
    for (let i = 0; i < 3; i++)
      await (await callWorker(new Request(FEED), { CONTENT: kv, ISOLATE_CACHE_SECONDS: '0' })).arrayBuffer()
    expect(reads()).toBe(3)
  })

  it('never keeps a response longer than KV’s propagation delay, whatever ISOLATE_CACHE_SECONDS says', async () => {
    await seedArticle()
    const { kv, reads } = countingKv()
    const vars = { CONTENT: kv, ISOLATE_CACHE_SECONDS: '3600' }
    await (await callWorker(new Request(FEED), vars)).arrayBuffer()
    pastFreshnessWindow()
    await (await callWorker(new Request(FEED), vars)).arrayBuffer()
    expect(reads()).toBe(2)
  })

  it('serves media from memory too, byte for byte', async () => {
    const name = `${'d'.repeat(32)}.png`
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255])
    await env.CONTENT.put(keys.media(name), bytes, { metadata: { type: 'image/png' } })
    const url = `${ORIGIN}/media/${name}`
    const first = new Uint8Array(await (await callWorker(new Request(url))).arrayBuffer())
    await env.CONTENT.delete(keys.media(name))
    const second = await callWorker(new Request(url))
    expect(second.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(first)
    expect(first).toEqual(bytes)
  })

  it('streams media over the per-response limit and does not keep it: the next request reads KV again', async () => {
    const name = `${'e'.repeat(32)}.png`
    const bytes = new Uint8Array(2 * 1024 * 1024 + 1).fill(7)
    await env.CONTENT.put(keys.media(name), bytes, { metadata: { type: 'image/png' } })
    const url = `${ORIGIN}/media/${name}`
    const received = new Uint8Array(await (await callWorker(new Request(url))).arrayBuffer())
    // Compared by hand: a deep toEqual of two million elements takes longer than the test timeout.
    expect(received.byteLength).toBe(bytes.byteLength)
    expect(received.every((b) => b === 7)).toBe(true)
    await env.CONTENT.delete(keys.media(name))
    expect((await callWorker(new Request(url))).status).toBe(404)
  })

  it('answers 431 to oversized headers even for a URL it remembers', async () => {
    await seedArticle()
    await (await callWorker(new Request(FEED))).arrayBuffer()
    const headers = new Headers()
    for (let i = 0; i < 20; i++) headers.set(`x-filler-${i}`, 'a'.repeat(1000))
    expect((await callWorker(new Request(FEED, { headers }))).status).toBe(431)
    expect((await callWorker(new Request(FEED))).status).toBe(200)
  })

  it('does not remember errors: a 404 is followed by the value published meanwhile', async () => {
    const url = `${ORIGIN}/feeds/published-later.rss`
    expect((await callWorker(new Request(url))).status).toBe(404)
    await seedArticle(buildArticle({ slug: 'published-later' }))
    expect((await callWorker(new Request(url))).status).toBe(200)
  })
})

describe('parsed values kept per isolate', () => {
  const slug = 'edition-memo'
  const hans = keys.article(slug)
  const hant = editionKey(hans, 'hant')
  const put = (key: string, value: string, h: string) => env.CONTENT.put(key, value, { metadata: { h } })
  const titleOf = async (kv: KVNamespace) => {
    const stored = await readArticle(kv, slug)
    return stored?.kind === 'article' ? stored.value.article.title : null
  }

  it("keeps each edition's value under its own key: the other edition neither evicts nor stands in for it", async () => {
    const article = buildArticle({ slug })
    await put(hans, JSON.stringify({ version: 'a', article: { ...article, title: '简体标题' } }), 'h-hans')
    // The same hash on purpose: a remembered value must be found by the key it was read from, not by its hash.
    await put(hant, JSON.stringify({ version: 'b', article: { ...article, title: '繁體標題' } }), 'h-hans')
    const traditional = editionNamespace(env.CONTENT, 'hant')
    expect(await titleOf(env.CONTENT)).toBe('简体标题')
    expect(await titleOf(traditional)).toBe('繁體標題')
    // The original's body replaced by one that cannot parse, its hash kept: only the remembered value can answer.
    await put(hans, 'not json', 'h-hans')
    expect(await titleOf(env.CONTENT)).toBe('简体标题')
    expect(await titleOf(traditional)).toBe('繁體標題')
  })
})
