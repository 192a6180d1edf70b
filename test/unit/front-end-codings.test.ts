/** Our copy of the front end's compression list is Miniflare's copy of Cloudflare's, type for type. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { FRONT_END_DECODED_TYPES } from '../../worker/http/front-end-codings.ts'

/** The types in Miniflare's `compressedByCloudflareFL` set, read from the entry worker wrangler dev runs. */
async function miniflareList(): Promise<string[]> {
  const source = await readFile('node_modules/miniflare/dist/src/workers/core/entry.worker.js', 'utf8')
  const set = /compressedByCloudflareFL = [^[]*\[([^\]]*)\]/.exec(source)?.[1]
  if (set === undefined) throw new Error('compressedByCloudflareFL not found in miniflare: update this test')
  return [...set.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '')
}

describe('FRONT_END_DECODED_TYPES', () => {
  it("is Miniflare's compressedByCloudflareFL, in the same order", async () => {
    expect([...FRONT_END_DECODED_TYPES]).toEqual(await miniflareList())
  })

  it('leaves out the feed types the front end passes through', () => {
    for (const type of [
      'application/atom+xml',
      'application/feed+json',
      'text/x-opml',
      'application/activity+json',
    ])
      expect(FRONT_END_DECODED_TYPES.has(type), type).toBe(false)
  })
})
