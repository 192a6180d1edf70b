/** From content to KV entries: photos are checked against their embedded metadata, rendered once, never as SVG. */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import { renderDrafts } from '../../editor/photos/render-drafts.ts'
import { buildEntries, emptySnapshot } from '../../editor/publish/build-entries.ts'
import { parseArticleValue } from '../../model/parse-store-values.ts'
import { at, edit, goodArticle, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'
import { CAMERA_TAGS, cameraJpeg } from '../helpers/camera-jpeg.ts'

let camera: Uint8Array
beforeAll(async () => {
  camera = (await cameraJpeg(600, 400)).bytes
}, 60_000)
afterAll(removeTrees)

const NOW = new Date('2026-11-24T02:00:00Z')
const withPhoto = (src: string, caption = '綦江城区一景。', credit = '记者 石亮') =>
  edit(
    edit(
      edit(goodArticle(), '::: photo media/a.png', `::: photo ${src}`),
      'caption: 图片说明。',
      `caption: ${caption}`,
    ),
    'credit: 记者 石亮',
    `credit: ${credit}`,
  )

async function publishable(files: Record<string, string | Uint8Array>) {
  const root = await writeTree(files)
  const checked = await checkContent(root)
  const cacheDir = path.join(path.dirname(root), 'cache')
  return { root, cacheDir, checked }
}

describe('content:check on a camera JPEG', () => {
  it('measures the photo as displayed (EXIF orientation 6: portrait)', async () => {
    const { checked } = await publishable({
      'articles/test-article.md': withPhoto('media/c.jpg'),
      'media/c.jpg': camera,
    })
    expect(checked.problems).toEqual([])
    expect(checked.articles[0]?.sections[0]?.photos[0]?.image).toMatchObject({
      kind: 'file',
      width: 400,
      height: 600,
      embedded: { creator: CAMERA_TAGS.creator, caption: CAMERA_TAGS.caption },
    })
  })

  it('reports a credit and a caption that disagree with the metadata inside the file, each on its line', async () => {
    const article = withPhoto('media/c.jpg', '高新区一角。', '通讯员 罗胜')
    const { checked } = await publishable({ 'articles/test-article.md': article, 'media/c.jpg': camera })
    expect(checked.problems.map((p) => formatProblem(p))).toEqual([
      at(
        16,
        `the caption differs from the one inside media/c.jpg ("${CAMERA_TAGS.caption}"); make them agree: correct the caption, or the file's (XMP dc:description / IPTC Caption-Abstract)`,
      ),
      at(
        17,
        `the credit names 罗胜 but media/c.jpg says its creator is "${CAMERA_TAGS.creator}"; correct the credit, or the file's creator (XMP dc:creator / IPTC By-line)`,
      ),
    ])
  })

  it('accepts a shortened caption and a creator written with its role label', async () => {
    const { checked } = await publishable({
      'articles/test-article.md': withPhoto('media/c.jpg', '綦江城区一景', '记者 石亮'),
      'media/c.jpg': camera,
    })
    expect(checked.problems).toEqual([])
  })
})

describe('renderDrafts + buildEntries', { timeout: 120_000 }, () => {
  it('publishes renditions of a JPEG, and encodes nothing the second time', async () => {
    const { root, cacheDir, checked } = await publishable({
      'articles/test-article.md': withPhoto('media/c.jpg'),
      'media/c.jpg': camera,
    })
    const first = await renderDrafts(checked.articles, { root, cacheDir, log: () => {} })
    expect(first.stats).toEqual({ encoded: 1, cached: 0 })
    const again = await renderDrafts(checked.articles, { root, cacheDir, log: () => {} })
    expect(again.stats).toEqual({ encoded: 0, cached: 1 })
    const a = buildEntries(first.drafts, emptySnapshot(), { now: NOW })
    const b = buildEntries(again.drafts, emptySnapshot(), { now: NOW })
    expect(b.media.map((e) => [e.key, e.metadata.h])).toEqual(a.media.map((e) => [e.key, e.metadata.h]))
    // 400 px wide once oriented: 320 and 400 in three formats, never upscaled.
    const articleEntry = a.articles.find((e) => e.key.startsWith('v2:article:'))
    const photo = parseArticleValue(JSON.parse(String(articleEntry?.value))).article.sections[0]?.photos[0]
    expect(photo?.renditions.map((r) => `${r.type} ${r.width}x${r.height}`).sort()).toEqual([
      'image/avif 320x480',
      'image/avif 400x600',
      'image/jpeg 320x480',
      'image/jpeg 400x600',
      'image/webp 320x480',
      'image/webp 400x600',
    ])
    expect(photo).toMatchObject({ type: 'image/jpeg', width: 400, height: 600 })
  })

  it('re-encodes a photo whose caption changed (the caption is inside every rendition)', async () => {
    const files = { 'articles/test-article.md': withPhoto('media/c.jpg'), 'media/c.jpg': camera }
    const { root, cacheDir, checked } = await publishable(files)
    await renderDrafts(checked.articles, { root, cacheDir, log: () => {} })
    const edited = await checkContent(
      await writeTree({ ...files, 'articles/test-article.md': withPhoto('media/c.jpg', '綦江城区一景') }),
    )
    const again = await renderDrafts(edited.articles, { root, cacheDir, log: () => {} })
    expect(again.stats).toEqual({ encoded: 1, cached: 0 })
  })

  it('rasterises an SVG photo: no SVG is ever stored or linked as a photo', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><rect width="900" height="600" fill="#c33"/><a><text x="10" y="50">示意图</text></a></svg>\n'
    const { root, cacheDir, checked } = await publishable({
      'articles/test-article.md': withPhoto('media/s.svg', '图片说明。'),
      'media/s.svg': svg,
    })
    expect(checked.problems).toEqual([])
    const { drafts } = await renderDrafts(checked.articles, { root, cacheDir, log: () => {} })
    const built = buildEntries(drafts, emptySnapshot(), { now: NOW })
    const media = built.media
    expect(new Set(media.map((e) => e.metadata.type))).toEqual(
      new Set(['image/avif', 'image/webp', 'image/jpeg']),
    )
    expect(media.some((e) => e.key.endsWith('.svg'))).toBe(false)
    const photo = built.articlesBuilt[0]?.sections[0]?.photos[0]
    expect(photo?.src).toMatch(/\.jpg$/)
    expect(photo?.renditions.every((r) => !r.src.endsWith('.svg'))).toBe(true)
  })
})
