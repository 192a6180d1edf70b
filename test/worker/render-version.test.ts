import { describe, expect, it } from 'vitest'
import { RENDER_VERSION } from '../../worker/http/render-version.ts'
import { buildAllPage, buildArticle } from '../fixtures/build-article.ts'
import { request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

/**
 * The output fingerprint recorded for the current RENDER_VERSION. When a renderer or a header changes, this test
 * fails: bump RENDER_VERSION (so deployed ETags and edge-cache keys change) and record the new digest.
 */
const RECORDED = {
  renderVersion: 'r21',
  digest: '6d9488691a4b4d30c6e2a5b0f05a6426fe94ce6268a8c947601a96dac5bc0064',
}

const PATHS = [
  '/',
  '/articles/qijiang-strategic-pivot',
  '/articles/qijiang-strategic-pivot/wanqi-integration',
  '/feeds.opml',
  '/feeds.json.opml',
  '/feeds/qijiang-strategic-pivot.rss',
  '/feeds/qijiang-strategic-pivot.atom',
  '/feeds/qijiang-strategic-pivot.json',
  '/feeds/all.rss',
  '/feeds/all.atom',
  '/feeds/all.json',
  '/oembed?url=http%3A%2F%2Fbroadsheet.test%2Farticles%2Fqijiang-strategic-pivot',
  '/favicon.svg',
  '/nope',
]

describe('RENDER_VERSION', () => {
  it('is bumped whenever the output for unchanged content changes', async () => {
    const article = buildArticle()
    await seedArticle(article)
    await seedIndex([article])
    await seedAllPage(buildAllPage())
    let text = ''
    for (const path of PATHS) {
      const res = await request(path, { headers: { 'accept-encoding': 'identity' } })
      const headers = [...res.headers].filter(([name]) => name !== 'etag' && name !== 'date')
      text += `${path}\n${JSON.stringify(headers)}\n${await res.text()}\n`
    }
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
    const message = `output changed: bump RENDER_VERSION in worker/http/render-version.ts, then record { renderVersion: '${RENDER_VERSION}', digest: '${hex}' } here`
    expect({ renderVersion: RENDER_VERSION, digest: hex }, message).toEqual(RECORDED)
  })
})
