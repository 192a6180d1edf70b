/** The raster picture that link previews and feed list views show for a page or an item. */
import type { Photo } from '../../model/article.ts'
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

/**
 * A photo as a raster picture, or undefined when it has none. Today a photo is its `src`; when the photo pipeline
 * adds renditions, this is the one place that picks a JPEG rendition of a suitable width instead.
 */
export function rasterPhoto(photo: Photo, baseUrl: string): RasterPicture | undefined {
  if (!SHOWN.has(photo.type)) return undefined
  const url = absoluteUrl(photo.src, baseUrl)
  if (!/^https?:\/\//i.test(url)) return undefined
  return { url, type: photo.type, width: photo.width, height: photo.height, alt: photo.alt }
}

/** The site logo (512×512 PNG) as a picture, alt text the site title. */
export function siteLogo(baseUrl: string, siteTitle: string): RasterPicture {
  const { logo } = RASTER_ICONS
  const url = rasterIconUrl(baseUrl, logo)
  return { url, type: 'image/png', width: logo.size, height: logo.size, alt: siteTitle }
}

/** Every raster picture among `photos`, in order. */
export function rasterPhotos(photos: readonly Photo[], baseUrl: string): RasterPicture[] {
  return photos.flatMap((p) => rasterPhoto(p, baseUrl) ?? [])
}

/** The first raster picture among `photos`, else the site logo: a list view or preview always has a picture. */
export function pictureOf(photos: readonly Photo[], baseUrl: string, siteTitle: string): RasterPicture {
  return rasterPhotos(photos, baseUrl)[0] ?? siteLogo(baseUrl, siteTitle)
}
