/**
 * `npm run bench:images`: (1) image bytes a partner page loads for the seed's cards in Chromium (DPR 2, a 360 px
 * widget), against serving the originals; (2) renditions of N camera-size JPEGs (6000×4000, default 100): wall
 * time and peak memory, against decoding alone; (3) a re-run with nothing changed encodes nothing.
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { checkContent } from '../editor/content/check-content.ts'
import { renderDrafts } from '../editor/photos/render-drafts.ts'
import { buildEntries, emptySnapshot } from '../editor/publish/build-entries.ts'
import { EDITIONS } from '../model/edition.ts'
import { parseArticleValue } from '../model/parse-store-values.ts'
import { keys } from '../model/store-keys.ts'
import { cameraJpeg } from '../test/helpers/camera-jpeg.ts'
import { launchChromium } from '../test/helpers/launch-chromium.ts'
import { startPartnerServer } from '../test/helpers/partner-server.ts'
import { articleFeed } from '../worker/render/feed-document.ts'
import { renderJsonFeed } from '../worker/render/render-json-feed.ts'

const PHOTOS = Number(process.env.PHOTOS ?? 100)
const BUDGET = 150 * 1024
const SLUG = 'qijiang-strategic-pivot'
/** Page-side code as text: bench/ is type-checked without DOM types (as in bench/widget.ts). */
const LOADED = `window.__events.some((e) => e.type === 'broadsheet-load')`
const SCROLL_AND_DECODE = `(async () => {
  const imgs = [...document.getElementById('w').shadowRoot.querySelectorAll('img')]
  for (const img of imgs) { img.scrollIntoView(); await new Promise((r) => requestAnimationFrame(r)) }
  await Promise.all(imgs.map((img) => img.decode().catch(() => undefined)))
  return imgs.length
})()`
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** Serves the seed as published (JSON Feed and /media/ from the built entries) and the built widget. */
async function seedOrigin() {
  const { articles, problems } = await checkContent('content')
  if (problems.length > 0) throw new Error(problems[0]?.message)
  const { drafts } = await renderDrafts(articles, {
    root: 'content',
    cacheDir: '.cache/renditions',
    log: () => {},
  })
  const built = buildEntries(drafts, emptySnapshot(), { now: new Date('2026-11-24T02:00:00Z') })
  const media = new Map(built.media.map((e) => [e.key, e]))
  const article = built.commits.find((e) => e.key === keys.article(SLUG))
  const value = parseArticleValue(JSON.parse(String(article?.value)))
  const widget = await readFile('dist/assets/widget.js')
  let origin = ''
  const server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname
    res.setHeader('access-control-allow-origin', '*')
    const entry = media.get(keys.media(p.replace('/media/', '')))
    if (p === '/widget.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(widget)
    else if (p === `/feeds/${SLUG}.json`)
      res.writeHead(200, { 'content-type': 'application/feed+json' }).end(
        renderJsonFeed(
          articleFeed(value, {
            baseUrl: origin,
            origin,
            edition: EDITIONS.hans,
            title: 'Broadsheet',
            description: '',
            language: 'zh-CN',
          }),
        ),
      )
    else if (entry && typeof entry.value !== 'string')
      res.writeHead(200, { 'content-type': entry.metadata.type ?? '' }).end(entry.value)
    else res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  /** Rendition name → the byte size of its original. */
  const originals = new Map<string, number>()
  for (const d of drafts)
    for (const p of [...d.sections.flatMap((s) => s.photos), ...d.photos])
      if (p.image.kind === 'rendered') {
        const size = (await readFile(`content/${p.image.path}`)).length
        for (const r of p.image.renditions) originals.set(r.name, size)
      }
  return { origin, server, originals }
}

async function partnerPageBytes(): Promise<void> {
  const seed = await seedOrigin()
  const partner = await startPartnerServer(seed.origin)
  const browser = await launchChromium()
  const page = await browser.context.newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 360,
    height: 800,
    deviceScaleFactor: 2,
    mobile: true,
  })
  const images: { url: string; bytes: number }[] = []
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/media/')) return
    const sizes = await request.sizes()
    images.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })
  })
  await page.goto(
    partner.page({
      scripts: [`${seed.origin}/widget.js`],
      body: `<broadsheet-cards id="w" src="${seed.origin}/feeds/${SLUG}.json"></broadsheet-cards>`,
    }),
  )
  await page.waitForFunction(LOADED)
  // Scroll through so every lazy card image loads, then wait until each has.
  const count = Number(await page.evaluate(SCROLL_AND_DECODE))
  await page.waitForFunction(
    `performance.getEntriesByType('resource').filter((e) => e.name.includes('/media/')).length >= ${count}`,
  )
  const total = images.reduce((n, i) => n + i.bytes, 0)
  // The baseline: each loaded image's original file, as the site served photos before renditions.
  let original = 0
  for (const i of images) original += seed.originals.get(i.url.slice(i.url.lastIndexOf('/') + 1)) ?? 0
  console.log(`partner page, 360 px widget at DPR 2, ${count} cards (the seed's items)`)
  for (const i of images) console.log(`  ${kb(i.bytes).padStart(9)}  ${i.url.replace(seed.origin, '')}`)
  console.log(
    `  total ${kb(total)} (${kb(total / Math.max(1, count))} per card; budget ${kb(BUDGET)}: ${total <= BUDGET ? 'met' : 'NOT met'}); the originals would be ${kb(original)}: ${(total / original).toFixed(2)}×`,
  )
  await browser.close()
  await partner.close()
  seed.server.closeAllConnections()
  seed.server.close()
}

/** The same JPEG with a distinct comment segment: a different file (hash) with the same pixels. */
function variant(jpeg: Uint8Array, n: number): Uint8Array {
  const text = new TextEncoder().encode(`bench photo ${n}`)
  const segment = new Uint8Array([0xff, 0xfe, 0, text.length + 2, ...text])
  const out = new Uint8Array(jpeg.length + segment.length)
  out.set(jpeg.subarray(0, 2))
  out.set(segment, 2)
  out.set(jpeg.subarray(2), 2 + segment.length)
  return out
}

async function cameraRenditions(): Promise<void> {
  const camera = await cameraJpeg()
  const work = await mkdtemp(path.join(tmpdir(), 'broadsheet-bench-images-'))
  try {
    const root = path.join(work, 'content')
    await mkdir(path.join(root, 'media'), { recursive: true })
    await mkdir(path.join(root, 'articles'), { recursive: true })
    const perArticle = 10
    for (let a = 0; a * perArticle < PHOTOS; a++) {
      const lines = ['---', `slug: bench-${a}`, `title: 基准 ${a}`, 'lang: zh-CN', 'byline: 文/记者 刘柳吟']
      lines.push('published: 2020-12-22T08:00:00+08:00', '---', '', '导语。', '')
      for (let p = a * perArticle; p < Math.min(PHOTOS, (a + 1) * perArticle); p++) {
        await writeFile(path.join(root, 'media', `c${p}.jpg`), variant(camera.bytes, p))
        lines.push(`## 小标题 ${p} {#s-${p}}`, '', `::: photo media/c${p}.jpg`, `alt: 示意图 ${p}`)
        lines.push('caption: 綦江城区一景。', 'credit: 记者 石亮', ':::', '', '段落。', '')
      }
      await writeFile(path.join(root, 'articles', `bench-${a}.md`), lines.join('\n'))
    }
    const { articles, problems } = await checkContent(root)
    if (problems.length > 0) throw new Error(problems[0]?.message)
    const cacheDir = path.join(work, 'cache')
    // Floor: what cannot be avoided, decoding each original and scaling it to the largest width (5 samples).
    const floorSamples = Math.min(5, PHOTOS)
    let t = performance.now()
    for (let i = 0; i < floorSamples; i++)
      await sharp(variant(camera.bytes, i)).autoOrient().resize({ width: 1600 }).raw().toBuffer()
    const floorPerPhoto = (performance.now() - t) / floorSamples
    const rssBefore = process.resourceUsage().maxRSS
    t = performance.now()
    const first = await renderDrafts(articles, { root, cacheDir, log: () => {} })
    const wall = performance.now() - t
    const peak = process.resourceUsage().maxRSS
    t = performance.now()
    const again = await renderDrafts(articles, { root, cacheDir, log: () => {} })
    const rerun = performance.now() - t
    const renditions = first.drafts.flatMap((d) => d.sections.flatMap((s) => s.photos))
    const bytes = renditions.reduce(
      (n, p) =>
        n + (p.image.kind === 'rendered' ? p.image.renditions.reduce((m, r) => m + r.bytes.length, 0) : 0),
      0,
    )
    console.log(
      `renditions of ${PHOTOS} camera JPEGs (6000×4000, ${kb(camera.bytes.length)} each, orientation 6)`,
    )
    console.log(`  floor (decode + scale to 1600 px): ${floorPerPhoto.toFixed(0)} ms a photo`)
    console.log(
      `  encode: ${first.stats.encoded} encoded in ${(wall / 1000).toFixed(1)} s wall, ${(wall / PHOTOS).toFixed(0)} ms a photo (${(wall / PHOTOS / floorPerPhoto).toFixed(1)}× the floor), ${kb(bytes / PHOTOS)} of renditions a photo`,
    )
    console.log(
      `  peak RSS ${(peak / 1024).toFixed(0)} MB (before encoding ${(rssBefore / 1024).toFixed(0)} MB)`,
    )
    console.log(
      `  re-run, nothing changed: ${again.stats.encoded} encoded, ${again.stats.cached} from the cache, ${(rerun / 1000).toFixed(2)} s`,
    )
  } finally {
    await rm(path.dirname(camera.file), { recursive: true, force: true })
    await rm(work, { recursive: true, force: true })
  }
}

await partnerPageBytes()
await cameraRenditions()
