/**
 * What publish writes, as the Worker serves it under wrangler dev: raster photos byte for byte (JPEG, PNG, WebP,
 * AVIF made with sharp), a withdrawal (410 and a tombstone), a renamed slug (301), a corrupt entry in an aggregate.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentHash } from '../../editor/publish/content-hash.ts'
import { parseArticleValue, parseIndexHeadValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import { localKv } from '../helpers/local-kv.ts'
import { runEditor } from '../helpers/run-command.ts'
import { type DevServer, startWranglerDev } from '../helpers/wrangler-dev.ts'

let work: string
let root: string
let state: string
let dev: DevServer
const FORMATS = ['jpg', 'png', 'webp', 'avif'] as const

const publish = () => runEditor('publish', ['--local', '--persist-to', state, '--root', root], 300_000)

/** A small noisy photo (every byte value occurs), encoded by libvips. */
async function photo(format: (typeof FORMATS)[number]): Promise<Uint8Array> {
  const raw = Buffer.alloc(48 * 32 * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 131 + (i >> 7) * 17) % 256
  const img = sharp(raw, { raw: { width: 48, height: 32, channels: 3 } })
  const out =
    format === 'jpg' ? img.jpeg() : format === 'png' ? img.png() : format === 'webp' ? img.webp() : img.avif()
  return new Uint8Array(await out.toBuffer())
}

function photoArticle(): string {
  const blocks = FORMATS.flatMap((f) => [
    `::: photo media/round-trip.${f}`,
    `alt: ${f} 测试图`,
    `caption: ${f} 格式的图片。`,
    'credit: 记者 石亮',
    ':::',
    '',
  ])
  return [
    '---',
    'slug: photo-formats',
    'title: 四种格式的照片',
    'lang: zh-CN',
    'byline: 文/记者 刘柳吟',
    'published: 2020-12-23T08:00:00+08:00',
    'tags: 綦江',
    '---',
    '',
    '导语。',
    '',
    '## 照片 {#formats}',
    '',
    ...blocks,
    '段落。',
    '',
  ].join('\n')
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-served-'))
  root = join(work, 'content')
  state = join(work, 'state')
  await cp('content', root, { recursive: true })
  for (const f of FORMATS) await writeFile(join(root, 'media', `round-trip.${f}`), await photo(f))
  await writeFile(join(root, 'articles', 'photo-formats.md'), photoArticle())
  const res = await publish()
  expect(res.stderr).toBe('')
  expect(res.code).toBe(0)
  dev = await startWranglerDev(state)
}, 600_000)
afterAll(async () => {
  await dev?.stop()
  await rm(work, { recursive: true, force: true })
})

describe('binary media through the publish write path and the Worker', { timeout: 300_000 }, () => {
  it('serves JPEG, PNG, WebP and AVIF bytes written by publish byte for byte at /media/', async () => {
    const written = await Promise.all(
      FORMATS.map(async (format) => {
        const bytes = await photo(format)
        const type = `image/${format === 'jpg' ? 'jpeg' : format}`
        const name = `${contentHash(bytes)}.${format}`
        return {
          name,
          bytes,
          entry: { key: keys.media(name), value: bytes, metadata: { h: contentHash(bytes), type } },
        }
      }),
    )
    const kv = await localKv(state)
    try {
      await kv.put(written.map((w) => w.entry))
    } finally {
      await kv.close()
    }
    for (const { name, bytes } of written) {
      const res = await fetch(`${dev.url}/media/${name}`)
      expect(res.status, name).toBe(200)
      const served = new Uint8Array(await res.arrayBuffer())
      expect(Buffer.compare(served, bytes), name).toBe(0)
      expect((await sharp(served).metadata()).width).toBe(48)
    }
  })

  it('serves every rendition publish made of the photos byte for byte', async () => {
    const kv = await localKv(state)
    try {
      const stored = (await kv.getJson([keys.article('photo-formats')])).get(keys.article('photo-formats'))
      const article = parseArticleValue(stored).article
      const srcs = article.sections[0]?.photos.flatMap((p) => p.renditions.map((r) => r.src)) ?? []
      expect(srcs.length).toBeGreaterThanOrEqual(FORMATS.length * 3)
      for (const src of srcs.slice(0, 6)) {
        const res = await fetch(`${dev.url}${src}`)
        expect(res.status, src).toBe(200)
        const served = new Uint8Array(await res.arrayBuffer())
        expect(`${contentHash(served)}`, src).toBe(src.slice('/media/'.length, src.lastIndexOf('.')))
      }
    } finally {
      await kv.close()
    }
  })
})

describe('withdrawal, rename and a corrupt entry, as served', { timeout: 600_000 }, () => {
  it('answers 410 for a withdrawn article, 301 for a former slug, and carries a tombstone in Atom', async () => {
    const file = join(root, 'articles', 'photo-formats.md')
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        '\n---\n',
        '\nwithdrawn: 2026-11-27T10:00:00+08:00 测试撤稿\n---\n',
      ),
    )
    const seed = join(root, 'articles', 'qijiang-strategic-pivot.md')
    const renamed = (await readFile(seed, 'utf8')).replace(
      'slug: qijiang-strategic-pivot',
      'slug: qijiang-pivot\naliases: qijiang-strategic-pivot',
    )
    await rm(seed)
    await writeFile(join(root, 'articles', 'qijiang-pivot.md'), renamed)
    const res = await publish()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/1 withdrawn, 1 moved/)
    expect((await fetch(`${dev.url}/articles/photo-formats`)).status).toBe(410)
    expect((await fetch(`${dev.url}/feeds/photo-formats.atom`)).status).toBe(410)
    const moved = await fetch(`${dev.url}/feeds/qijiang-strategic-pivot.rss`, { redirect: 'manual' })
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toMatch(/\/feeds\/qijiang-pivot\.rss$/)
    expect((await fetch(`${dev.url}/articles/qijiang-pivot`)).status).toBe(200)
    const atom = await (await fetch(`${dev.url}/feeds/all.atom`)).text()
    expect(atom).toContain('<at:deleted-entry ref="tag:broadsheet,2020:photo-formats/formats"')
    expect(atom).toContain('<at:deleted-entry ref="tag:broadsheet,2020:qijiang-strategic-pivot/opening-up"')
    const media = await fetch(`${dev.url}/media/${'0'.repeat(32)}.jpg`)
    expect(media.status).toBe(404)
  })

  it('drops a corrupt entry of the article list and serves the rest', async () => {
    const kv = await localKv(state)
    try {
      const head = parseIndexHeadValue((await kv.getJson([keys.indexHead()])).get(keys.indexHead()))
      const bad = { ...head.articles[0], slug: 'broken-date', published: '10000-01-01T00:00:00+00:00', n: 99 }
      const value = JSON.stringify({ ...head, version: 'corrupted', articles: [...head.articles, bad] })
      await kv.put([{ key: keys.indexHead(), value, metadata: { h: 'corrupted' } }])
    } finally {
      await kv.close()
    }
    const home = await fetch(`${dev.url}/`)
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).toContain('qijiang-pivot')
    expect(html).not.toContain('broken-date')
    expect((await fetch(`${dev.url}/feeds.opml`)).status).toBe(200)
  })
})
