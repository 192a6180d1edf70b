/**
 * Content coding as on the wire, for every type the Worker serves: content/ published with the real
 * `content:publish --local`, served by `wrangler dev` (Miniflare's front end, which rewrites Accept-Encoding as the edge
 * does) and by the preview's proxy in front of it; read with node:http, which decodes nothing.
 */
import { readFile } from 'node:fs/promises'
import { get } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../editor/preview/free-port.ts'
import { type PreviewServer, startPreviewServer } from '../../editor/preview/preview-server.ts'
import { type DevServer, startPublishedWorker } from '../helpers/wrangler-dev.ts'

const SLUG = 'qijiang-strategic-pivot'

interface Raw {
  status: number
  type: string
  encoding: string | undefined
  bytes: Buffer
}

/** The response as sent: status, Content-Type, Content-Encoding and the bytes, decoded by nothing. */
function rawGet(url: string, acceptEncoding: string | null): Promise<Raw> {
  const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }
  return new Promise((done, fail) => {
    get(url, { headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          encoding: res.headers['content-encoding'],
          bytes: Buffer.concat(chunks),
        }),
      )
    })
      .on('timeout', function (this: { destroy(e: Error): void }) {
        this.destroy(new Error(`no answer from ${url} within 30 s`))
      })
      .on('error', fail)
  })
}

/** What the first bytes of each served type look like when they are readable (not gzip: 1f 8b). */
const READABLE: Record<string, RegExp> = {
  'text/html': /^<!doctype html>/i,
  'application/rss+xml': /^<\?xml/,
  'application/atom+xml': /^<\?xml/,
  'text/x-opml': /^<\?xml/,
  'application/feed+json': /^\{/,
  'application/json': /^\{/,
  'application/problem+json': /^\{/,
  'application/xml': /^<\?xml/,
  'text/plain': /^User-agent:/i,
  'image/svg+xml': /^<svg /,
  'text/javascript': /^[\s\S]{0,200}(?:import|var|let|const|function|!|\(|"use strict")/,
}

/** Magic numbers of the raster types: stored compressed already, never gzipped by us. */
const MAGIC: Record<string, string> = {
  'image/png': '89504e47',
  'image/x-icon': '00000100',
  'image/jpeg': 'ffd8ff',
  'image/webp': '52494646',
  'image/avif': '00000',
}

function expectReadable(path: string, res: Raw): void {
  const type = res.type.split(';')[0] ?? ''
  const text = READABLE[type]
  const magic = MAGIC[type]
  if (text) expect(res.bytes.toString('utf8'), `${path} (${type})`).toMatch(text)
  else if (magic) expect(res.bytes.subarray(0, 4).toString('hex'), `${path} (${type})`).toMatch(magic)
  else throw new Error(`${path}: a type this test does not know how to read: ${res.type}`)
}

let worker: DevServer
let preview: PreviewServer
/** One path per route the Worker serves, found from the published site itself (media names, a section id). */
let paths: string[]

beforeAll(async () => {
  worker = await startPublishedWorker()
  preview = await startPreviewServer(worker.url, await freePort(), { version: 1, problems: [] })
  const page = await (await fetch(`${worker.url}/articles/${SLUG}`)).text()
  const media = new Map<string, string>()
  for (const m of page.matchAll(/\/media\/[0-9a-f]{32}\.(\w+)/g)) media.set(m[1] ?? '', m[0])
  const feed = await (await fetch(`${worker.url}/feeds/${SLUG}.json`)).text()
  const section = new RegExp(`/articles/${SLUG}/[\\w-]+`).exec(feed)?.[0]
  const manifest = JSON.parse(await readFile('dist/assets/widget-manifest.json', 'utf8')) as { hash: string }
  const page404 = '/articles/no-such-article'
  paths = [
    '/',
    `/articles/${SLUG}`,
    section ?? `section page not found in /feeds/${SLUG}.json`,
    page404,
    '/feeds.opml',
    '/feeds.atom.opml',
    '/feeds.json.opml',
    ...['rss', 'atom', 'json'].flatMap((f) => [`/feeds/all.${f}`, `/feeds/${SLUG}.${f}`]),
    '/feeds/no-such-article.atom',
    `/oembed?url=${encodeURIComponent(`${worker.url}/articles/${SLUG}`)}&format=json`,
    '/favicon.svg',
    '/favicon.ico',
    '/icon-64.png',
    '/widget.js',
    `/widget.${manifest.hash}.js`,
    '/embed-builder.js',
    '/robots.txt',
    '/sitemap.xml',
    '/sitemaps/news.xml',
    '/sitemaps/articles-1.xml',
    ...media.values(),
  ]
  expect([...media.keys()].sort()).toEqual(['avif', 'jpg', 'webp'])
}, 300_000)

afterAll(async () => {
  await preview?.close()
  await worker?.stop()
})

describe.each([
  ['wrangler dev', () => worker.url],
  ['the preview', () => preview.url],
])('every type through %s', (_, origin) => {
  it.each(['identity', 'gzip;q=0', 'identity, *;q=0.1, gzip;q=0'])(
    'is readable, without Content-Encoding, for a client that sends Accept-Encoding "%s"',
    async (acceptEncoding) => {
      for (const path of paths) {
        const res = await rawGet(`${origin()}${path}`, acceptEncoding)
        expect(res.encoding, `${path} (${res.type})`).toBeUndefined()
        expectReadable(path, res)
      }
    },
  )

  it('is readable, without Content-Encoding, for a client that sends no Accept-Encoding (a bare curl)', async () => {
    for (const path of paths) {
      const res = await rawGet(`${origin()}${path}`, null)
      expect(res.encoding, `${path} (${res.type})`).toBeUndefined()
      expectReadable(path, res)
    }
  })
})

describe('a client that takes gzip, through wrangler dev', () => {
  it('gets every text type gzipped, and the bytes are the identity text', async () => {
    for (const path of paths) {
      const plain = await rawGet(`${worker.url}${path}`, 'identity')
      const zipped = await rawGet(`${worker.url}${path}`, 'gzip')
      expect(zipped.status, path).toBe(plain.status)
      if (READABLE[plain.type.split(';')[0] ?? ''] === undefined || plain.status !== 200) continue
      expect(zipped.encoding, `${path} (${plain.type})`).toBe('gzip')
      expect(gunzipSync(zipped.bytes).equals(plain.bytes), path).toBe(true)
    }
  })
})
