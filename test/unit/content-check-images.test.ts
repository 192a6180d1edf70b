/** content:check on image files: existence, size, sniffed type, inert SVG; and the per-path read cache. */
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import { measureSvg } from '../../editor/content/measure-svg.ts'
import { createImageReader } from '../../editor/content/read-image.ts'
import { sniffImageType } from '../../editor/content/sniff-image-type.ts'
import {
  edit,
  goodArticle,
  goodTree,
  PNG_1X1,
  removeTrees,
  writeTree,
} from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

const at = (line: number, message: string) => `content/articles/test-article.md:${line}: ${message}`

/** The good tree with photo 1 pointing at `src`, plus `files`. */
async function problemsWith(src: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const article = edit(goodArticle(), '::: photo media/a.png', `::: photo ${src}`)
  const root = await writeTree({ 'articles/test-article.md': article, ...files })
  return (await checkContent(root)).problems.map((p) => formatProblem(p))
}

const svg = (inner: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"${attrs}>\n<rect width="120" height="80"/>\n${inner}</svg>\n`

describe('checkContent: image files', () => {
  it('reports a missing image file', async () => {
    expect(await problemsWith('media/missing.png', {})).toEqual([
      at(14, 'image file media/missing.png does not exist; add it under the content folder or fix the path'),
    ])
  })

  it('reports a file over 64 MiB', async () => {
    const big = new Uint8Array(64 * 1024 * 1024 + 1)
    big.set(PNG_1X1)
    expect(await problemsWith('media/big.png', { 'media/big.png': big })).toEqual([
      at(
        14,
        'media/big.png is 67108865 bytes (at most 67108864, 64 MiB); export it smaller (publish makes the web sizes)',
      ),
    ])
  })

  it('reports an image over 120 megapixels from its header, before anything decodes it', async () => {
    const huge = PNG_1X1.slice()
    const view = new DataView(huge.buffer)
    view.setUint32(16, 15_000) // IHDR width
    view.setUint32(20, 10_000) // IHDR height
    expect(await problemsWith('media/huge.png', { 'media/huge.png': huge })).toEqual([
      at(14, 'media/huge.png is 15000×10000 pixels (150.0 megapixels, at most 120); export it smaller'),
    ])
  })

  it('reports an extension that is not allowed', async () => {
    expect(await problemsWith('media/a.bmp', { 'media/a.bmp': 'BM' })).toEqual([
      at(14, '"media/a.bmp" has the extension ".bmp"; use .jpg, .png, .gif, .webp, .avif or .svg'),
    ])
  })

  it('reports a file that is not an image at all', async () => {
    expect(await problemsWith('media/a.png', { 'media/a.png': '<html>not an image</html>' })).toEqual([
      at(14, 'media/a.png is not a JPEG, PNG, GIF, WebP, AVIF or SVG image; export it as one of those'),
    ])
  })

  it('reports an extension that disagrees with the bytes', async () => {
    expect(await problemsWith('media/a.jpg', { 'media/a.jpg': PNG_1X1 })).toEqual([
      at(14, 'media/a.jpg is really image/png but its name says image/jpeg; rename it to match its content'),
    ])
  })

  it('reports a path that leaves the content folder', async () => {
    expect(await problemsWith('../secret.png', {})).toEqual([
      at(
        14,
        '"../secret.png" leaves the content folder; put the image under content/media/ and write media/NAME',
      ),
    ])
  })

  it.each([
    ['a script', svg('<script>alert(1)</script>\n'), 'a <script> element on its line 3'],
    ['an event handler', svg('', ' onload="alert(1)"'), 'an on…= event handler attribute on its line 1'],
    [
      'a javascript: link',
      svg('<animate attributeName="href" to="javascript:alert(1)"/>\n'),
      ['a javascript: URL on its line 3', 'an animation of a link target on its line 3'],
    ],
    [
      'an entity-encoded javascript: link set by <set> (the bypass of issue 10)',
      svg('<a><set attributeName="href" to="jav&#x61;script:alert(1)"/></a>\n'),
      'an animation of a link target on its line 3',
    ],
    [
      'a foreignObject',
      svg('<foreignObject><p>x</p></foreignObject>\n'),
      'a <foreignObject> element on its line 3',
    ],
    [
      'an external image',
      svg('<image href="https://evil.example/x.png"/>\n'),
      'a reference to another document (href not starting with #) on its line 3',
    ],
    [
      'a url() to another file',
      svg('<rect style="fill:url(https://evil.example/p)"/>\n'),
      'a url() reference to another document on its line 3',
    ],
  ])('reports an SVG with %s', async (_name, text, what) => {
    expect(await problemsWith('media/x.svg', { 'media/x.svg': text })).toEqual(
      [what]
        .flat()
        .map((w) =>
          at(14, `media/x.svg contains ${w}; remove it (an SVG opened on our site would run or load it)`),
        ),
    )
  })

  it('accepts an inert SVG with internal #references and measures it', async () => {
    const text = svg('<defs><linearGradient id="g"/></defs>\n<rect fill="url(#g)"/>\n<use href="#g"/>\n')
    const root = await writeTree({
      'articles/test-article.md': edit(goodArticle(), 'media/a.png', 'media/x.svg'),
      'media/x.svg': text,
    })
    const { problems, articles } = await checkContent(root)
    expect(problems).toEqual([])
    expect(articles[0]?.sections[0]?.photos[0]?.image).toMatchObject({
      kind: 'file',
      type: 'image/svg+xml',
      width: 120,
      height: 80,
    })
  })

  it('reads each image path once however many photos use it', async () => {
    const root = await writeTree(goodTree())
    const read = createImageReader(root)
    expect(read('media/a.png')).toBe(read('media/a.png'))
  })
})

describe('sniffImageType', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/png', PNG_1X1],
    ['image/gif', bytes('GIF89a')],
    ['image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['image/avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf')],
    [
      'image/svg+xml',
      bytes('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg">'),
    ],
  ])('recognises %s from its first bytes', (type, data) => {
    expect(sniffImageType(data)).toBe(type)
  })

  it('recognises nothing in HTML', () => {
    expect(sniffImageType(new TextEncoder().encode('<!doctype html><svg></svg>'))).toBeUndefined()
  })
})

describe('measureSvg', () => {
  it.each([
    ['<svg width="1200" height="800">', { width: 1200, height: 800 }],
    ['<svg width="120.4px" height="80px" viewBox="0 0 10 10">', { width: 120, height: 80 }],
    ['<svg viewBox="0 0 300 200" xmlns="http://www.w3.org/2000/svg">', { width: 300, height: 200 }],
    ['<svg width="100%" height="100%" viewBox="0,0,64,48">', { width: 64, height: 48 }],
    ['<svg width="100%">', undefined],
  ])('measures %s', (svg, size) => {
    expect(measureSvg(`${svg}</svg>`)).toEqual(size)
  })
})
