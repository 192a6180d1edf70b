/** The feed Worker's bundle, as `wrangler deploy` would upload it, stays within its gzip budget. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleSize, FEED_WORKER_GZIP_BUDGET } from '../helpers/bundle-size.ts'

describe('the feed Worker bundle', () => {
  it(`stays within ${FEED_WORKER_GZIP_BUDGET} bytes gzip (sitemaps, robots.txt, OPML and oEmbed are the discovery Worker's)`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-bundle-'))
    try {
      const size = await bundleSize(join(dir, 'out'))
      expect(size.raw).toBeGreaterThan(0)
      expect(size.gzip).toBeLessThanOrEqual(FEED_WORKER_GZIP_BUDGET)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
