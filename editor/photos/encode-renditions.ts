/** Encodes one original into every rendition with sharp: oriented, sRGB, resized, stripped, rights written as XMP. */
import sharp from 'sharp'
import { MAX_IMAGE_PIXELS } from '../content/image-limits.ts'
import { contentHash } from '../publish/content-hash.ts'
import { buildXmp, type PhotoRights } from './build-xmp.ts'
import { RENDITION_FORMATS, renditionWidths } from './rendition-recipe.ts'

/** One encoded file, named by the hash of its own bytes. */
export interface EncodedRendition {
  /** `<hash>.<ext>`: the media name under /media/. */
  name: string
  type: string
  width: number
  height: number
  bytes: Uint8Array
}

/**
 * Every rendition of `input` (the original's bytes), smallest first per format. The original is decoded once
 * (JPEG shrink-on-load keeps a 6000×4000 decode small), oriented by its EXIF tag, converted to sRGB through its
 * ICC profile, and scaled to the largest width; each rendition starts from those pixels, so no rendition can
 * carry anything of the original's metadata: no GPS, serial numbers, maker notes or embedded preview.
 */
export async function encodeRenditions(input: Uint8Array, rights: PhotoRights): Promise<EncodedRendition[]> {
  const source = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', density: 144 })
  const meta = await source.metadata()
  const oriented = (meta.autoOrient?.width ?? meta.width) || 1
  const widths = renditionWidths(oriented)
  const top = widths[widths.length - 1] ?? oriented
  const { data, info } = await source
    .autoOrient()
    .resize({ width: top, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { width: info.width, height: info.height, channels: info.channels }
  const xmp = buildXmp(rights)
  const out: EncodedRendition[] = []
  for (const format of RENDITION_FORMATS)
    for (const width of widths) {
      let image = sharp(data, { raw }).resize({ width, withoutEnlargement: true })
      // JPEG has no alpha: a transparent PNG or SVG goes on white, as it would print.
      if (format.type === 'image/jpeg') image = image.flatten({ background: '#ffffff' })
      const { data: bytes, info: done } = await image
        .toFormat(format.ext === 'jpg' ? 'jpeg' : format.ext, format.options)
        .withXmp(xmp)
        .toBuffer({ resolveWithObject: true })
      out.push({
        name: `${contentHash(bytes)}.${format.ext}`,
        type: format.type,
        width: done.width,
        height: done.height,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      })
    }
  return out
}
