/**
 * `npm run build`: renders the site icon (worker/site-icon.ts, the one SVG source) to the PNG sizes feeds, pages
 * and home screens need, and `/favicon.ico`, into dist/assets where the Worker serves them (Workers Static
 * Assets). Rendered at build time rather than committed as bytes, so the SVG is the only source and nothing drifts.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { FAVICON_ICO, RASTER_ICONS, SITE_ICON_SVG } from './site-icon.ts'

const ASSETS_DIR = fileURLToPath(new URL('../dist/assets/', import.meta.url))

/**
 * One square PNG of the icon, rasterised by librsvg at the target size (no upscaling of a small bitmap); a
 * palette PNG is a third of the bytes, but inside an ICO Windows expects 32-bit RGBA.
 */
function png(size: number, palette = true): Promise<Buffer> {
  return sharp(Buffer.from(SITE_ICON_SVG), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette })
    .toBuffer()
}

/** An ICO file holding one PNG image (the ICONDIR + one ICONDIRENTRY, then the PNG bytes). */
export function icoOf(image: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(1, 4) // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6) // width (0 means 256)
  header.writeUInt8(size >= 256 ? 0 : size, 7) // height
  header.writeUInt8(0, 8) // no palette
  header.writeUInt8(0, 9) // reserved
  header.writeUInt16LE(1, 10) // colour planes
  header.writeUInt16LE(32, 12) // bits per pixel
  header.writeUInt32LE(image.length, 14) // bytes of the image
  header.writeUInt32LE(22, 18) // where the image starts
  return Buffer.concat([header, image])
}

async function main(): Promise<void> {
  await mkdir(ASSETS_DIR, { recursive: true })
  for (const icon of Object.values(RASTER_ICONS))
    await writeFile(`${ASSETS_DIR}${icon.name}`, await png(icon.size))
  await writeFile(
    `${ASSETS_DIR}${FAVICON_ICO.name}`,
    icoOf(await png(FAVICON_ICO.size, false), FAVICON_ICO.size),
  )
  console.log(`icons: ${[...Object.values(RASTER_ICONS), FAVICON_ICO].map((i) => i.name).join(', ')}`)
}

await main()
