/** Renditions of a camera JPEG: sizes and formats, privacy (nothing of the original's metadata) and rights (XMP). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readEmbeddedMetadata } from '../../editor/content/read-embedded-metadata.ts'
import { type EncodedRendition, encodeRenditions } from '../../editor/photos/encode-renditions.ts'
import { CAMERA_TAGS, cameraJpeg, exiftoolTags } from '../helpers/camera-jpeg.ts'

const RIGHTS = {
  creator: '石亮',
  creditLine: '记者 石亮 摄',
  copyright: CAMERA_TAGS.copyright,
  caption: '綦江城区一景：新区的楼群与街道 <夜景> & "灯光"。',
  lang: 'zh-CN',
}

let original: { file: string; bytes: Uint8Array }
let renditions: EncodedRendition[]
let tags: Record<string, unknown>[]
let dir: string

beforeAll(async () => {
  original = await cameraJpeg()
  renditions = await encodeRenditions(original.bytes, RIGHTS)
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-renditions-'))
  const files = await Promise.all(
    renditions.map(async (r) => {
      const file = path.join(dir, r.name)
      await writeFile(file, r.bytes)
      return file
    }),
  )
  tags = exiftoolTags([original.file, ...files])
}, 300_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(path.dirname(original.file), { recursive: true, force: true })
})

const served = () => tags.slice(1)

describe('the camera original (the test is only as good as its fixture)', () => {
  it('carries GPS, serial numbers, an embedded thumbnail, orientation 6 and a P3 profile', () => {
    const o = tags[0] ?? {}
    expect(Object.keys(o).some((k) => k.startsWith('GPS:'))).toBe(true)
    expect(Object.values(o)).toContain(CAMERA_TAGS.serial)
    expect(Object.values(o)).toContain(CAMERA_TAGS.lensSerial)
    expect(Object.keys(o).some((k) => /ThumbnailImage$/.test(k))).toBe(true)
    expect(o['IFD0:Orientation']).toMatch(/Rotate 90/)
    expect(String(o['ICC_Profile:ProfileDescription'])).toMatch(/P3/)
    expect(o['XMP-dc:Creator']).toBe(CAMERA_TAGS.creator)
  })
})

describe('encodeRenditions on a 6000×4000 camera JPEG', () => {
  it('makes AVIF, WebP and JPEG at 320, 640, 800, 1024 and 1600 px, oriented (portrait), named by their hash', async () => {
    const shape = renditions.map((r) => `${r.type} ${r.width}x${r.height}`)
    for (const type of ['image/avif', 'image/webp', 'image/jpeg'])
      for (const [w, h] of [
        [320, 480],
        [640, 960],
        [800, 1200],
        [1024, 1536],
        [1600, 2400],
      ])
        expect(shape).toContain(`${type} ${w}x${h}`)
    expect(renditions).toHaveLength(15)
    for (const r of renditions) {
      const meta = await sharp(r.bytes).metadata()
      expect([meta.width, meta.height]).toEqual([r.width, r.height])
      expect(meta.orientation ?? 1).toBe(1)
      expect(r.name).toMatch(/^[0-9a-f]{32}\.(?:avif|webp|jpg)$/)
    }
  })

  it('serves no GPS, no serial number, no maker notes, no embedded thumbnail or preview, no P3 profile', () => {
    expect(served()).toHaveLength(15)
    for (const t of served()) {
      const keys = Object.keys(t)
      expect(
        keys.filter((k) => /GPS|Serial|MakerNote|Thumbnail|Preview|Nikon|Make$|Model$/i.test(k)),
      ).toEqual([])
      const values = JSON.stringify(t)
      expect(values).not.toContain(CAMERA_TAGS.serial)
      expect(values).not.toContain(CAMERA_TAGS.lensSerial)
      expect(values).not.toContain('29.0285')
      expect(values).not.toMatch(/Display P3/)
      expect(t['IFD0:Orientation'] ?? 'Horizontal (normal)').toBe('Horizontal (normal)')
    }
  })

  it('keeps creator, credit line, copyright notice and caption in UTF-8 XMP, escaped', () => {
    for (const t of served()) {
      expect(t['XMP-dc:Creator']).toBe('石亮')
      expect(t['XMP-photoshop:Credit']).toBe('记者 石亮 摄')
      expect(t['XMP-dc:Rights']).toBe(CAMERA_TAGS.copyright)
      expect(t['XMP-dc:Description']).toBe(RIGHTS.caption)
      expect(t['XMP-dc:Description-zh-CN']).toBe(RIGHTS.caption)
    }
  })

  it('converts a Display P3 original to sRGB numbers rather than dropping its profile', async () => {
    // sRGB green written into a P3 file: its stored numbers are P3 ones; a rendition must show the sRGB green.
    const green = { r: 30, g: 200, b: 60 }
    const p3 = await sharp({ create: { width: 400, height: 300, channels: 3, background: green } })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer()
    const pixel = async (bytes: Uint8Array, managed: boolean) => {
      const image = sharp(bytes).resize(1, 1)
      return [...(await (managed ? image : image.keepIccProfile()).raw().toBuffer()).subarray(0, 3)]
    }
    const distance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? 0))))
    const stored = await pixel(p3, false)
    expect(distance(stored, [green.r, green.g, green.b])).toBeGreaterThan(20)
    const [jpeg] = (await encodeRenditions(p3, RIGHTS)).filter((r) => r.type === 'image/jpeg')
    if (!jpeg) throw new Error('no JPEG rendition')
    expect(distance(await pixel(jpeg.bytes, false), [green.r, green.g, green.b])).toBeLessThan(6)
  })

  it('reads the original embedded caption, creator and copyright (for content:import and content:check)', () => {
    expect(readEmbeddedMetadata(original.bytes, 'image/jpeg')).toEqual({
      caption: CAMERA_TAGS.caption,
      creator: CAMERA_TAGS.creator,
      copyright: CAMERA_TAGS.copyright,
    })
  })
})
