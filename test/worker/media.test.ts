import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { request } from './seed.ts'

const NAME = `${'0123456789abcdef'.repeat(2)}.jpg`
const BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])

afterEach(() => vi.restoreAllMocks())

async function putMedia(name: string, bytes: Uint8Array | string, type: string) {
  await env.CONTENT.put(keys.media(name), bytes, { metadata: { type } })
}

describe('GET /media/:name', () => {
  it('streams the stored bytes with the stored type', async () => {
    await putMedia(NAME, BYTES, 'image/jpeg')
    const res = await request(`/media/${NAME}`, { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES)
  })

  it('sandboxes the response so an SVG opened directly can never script our origin', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    await putMedia(`${'1'.repeat(32)}.svg`, svg, 'image/svg+xml')
    const res = await request(`/media/${'1'.repeat(32)}.svg`)
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    )
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers 304 to a revalidation with its ETag', async () => {
    await putMedia(NAME, BYTES, 'image/jpeg')
    const etag = (await request(`/media/${NAME}`)).headers.get('etag') ?? ''
    expect(etag).not.toBe('')
    const res = await request(`/media/${NAME}`, { headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
  })

  it('refuses to serve a stored value whose type is not an image (503, not text/html)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await putMedia(`${'2'.repeat(32)}.png`, '<script>alert(1)</script>', 'text/html')
    const res = await request(`/media/${'2'.repeat(32)}.png`)
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  })

  it.each(['x.jpg', `${'A'.repeat(32)}.jpg`, `${'3'.repeat(32)}.exe`, `${'3'.repeat(31)}.jpg`])(
    'answers 404 for the name %s',
    async (name) => {
      await putMedia(name, BYTES, 'image/jpeg')
      expect((await request(`/media/${name}`)).status).toBe(404)
    },
  )
})
