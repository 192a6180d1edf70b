/** The raster picture that link previews and feed list views show for a page or an item. */
import type { Photo } from '../../model/article.ts'
import { pickRendition } from '../../model/pick-rendition.ts'
import { RASTER_ICONS, rasterIconUrl } from '../site-icon.ts'
import { absoluteUrl } from './feed-photo.ts'

/** A picture with everything `og:image`, `media:thumbnail` or a JSON-LD ImageObject need. */
export interface RasterPicture {
  url: string
  type: string
  width: number
  height: number
  alt: string
}

/** What unfurlers and feed readers display: no SVG (most ignore it), no AVIF (few decode it). */
const SHOWN = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])

/** Link previews want a large image: Facebook suggests 1200 px wide, and JPEG is what every unfurler decodes. */
const PREVIEW_WIDTH = 1200

/**
 * A photo as a raster picture for a link preview, or undefined when it has none: its JPEG rendition at least
 * `minWidth` (1200) px wide (else its widest), or, for a photo without renditions (hosted elsewhere), its own raster `src`.
 */
export function rasterPhoto(
  photo: Photo,
  baseUrl: string,
  minWidth = PREVIEW_WIDTH,
): RasterPicture | undefined {
  const rendition = pickRendition(photo, { type: 'image/jpeg', minWidth })
  const { src, type, width, height } = rendition ?? photo
  if (!SHOWN.has(type)) return undefined
  const url = absoluteUrl(src, baseUrl)
  if (!/^https?:\/\//i.test(url)) return undefined
  return { url, type, width, height, alt: photo.alt }
}

/** The site logo (512×512 PNG) as a picture, alt text the site title. */
export function siteLogo(baseUrl: string, siteTitle: string): RasterPicture {
  const { logo } = RASTER_ICONS
  const url = rasterIconUrl(baseUrl, logo)
  return { url, type: 'image/png', width: logo.size, height: logo.size, alt: siteTitle }
}

/** Every raster picture among `photos`, in order. */
export function rasterPhotos(
  photos: readonly Photo[],
  baseUrl: string,
  minWidth = PREVIEW_WIDTH,
): RasterPicture[] {
  return photos.flatMap((p) => rasterPhoto(p, baseUrl, minWidth) ?? [])
}
