import { afterEach, describe, expect, it, vi } from 'vitest'
import { acceptsGzip } from '../../worker/http/compression.ts'
import { ifNoneMatchHits, parseEntityTags } from '../../worker/http/entity-tag.ts'
import { errorResponse } from '../../worker/http/error-response.ts'

afterEach(() => vi.restoreAllMocks())

describe('parseEntityTags', () => {
  it('reads a list of strong and weak tags, commas inside tags included', () => {
    expect(parseEntityTags('"a", W/"b", "c,d"')).toEqual(['a', 'b', 'c,d'])
  })

  it('reads * as any', () => {
    expect(parseEntityTags(' * ')).toBe('*')
  })

  it('ignores garbage between tags', () => {
    expect(ifNoneMatchHits('junk, "x"', ['"x"'])).toBe(true)
    expect(ifNoneMatchHits('x', ['"x"'])).toBe(false)
  })
})

describe('acceptsGzip', () => {
  const req = (value: string) =>
    new Request('http://broadsheet.test/', { headers: { 'accept-encoding': value } })

  it.each([
    ['gzip', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['br;q=1, gzip;q=0.5', true],
    ['*', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['gzip;q=0.000', false],
    ['deflate, br', false],
    ['', false],
  ])('Accept-Encoding "%s" → %s', (value, expected) => {
    expect(acceptsGzip(req(value))).toBe(expected)
  })
})

describe('errorResponse', () => {
  it('turns an unexpected error into a 500 problem that reveals nothing, logged on one line', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const url = new URL('http://broadsheet.test/feeds/x.rss')
    const error = new TypeError('secret detail\n    at render (worker/render/render-rss.ts:12:3)')
    const res = await errorResponse(error, new Request(url), url, true)
    expect(res.status).toBe(500)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.text()
    expect(JSON.parse(body)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side.',
      instance: '/feeds/x.rss',
    })
    expect(body).not.toContain('secret')
    expect(log).toHaveBeenCalledWith(
      '500 /feeds/x.rss: TypeError: secret detail at render (worker/render/render-rss.ts:12:3)',
    )
  })

  it('sends an HTML 500 page off the API paths', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const url = new URL('http://broadsheet.test/articles/x')
    const res = await errorResponse(new Error('boom'), new Request(url), url, false)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).not.toContain('boom')
  })
})
