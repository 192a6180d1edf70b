/** A photo as feeds carry it: an absolute URL and a credit line in the article's language. */
import { type Credit, isTraditionalChinese, type Photo } from '../../model/article.ts'
import { creditLineEn, creditLineZh, creditLineZhHant } from '../../model/credit-line.ts'
import { pickRendition } from '../../model/pick-rendition.ts'

/** A raster rendition resolved for output. */
export interface FeedImage {
  url: string
  type: string
  width: number
  height: number
}

/** A model photo resolved for output: everything a renderer needs, no base URL left to apply. */
export interface FeedPhoto extends Omit<Photo, 'src' | 'renditions'> {
  /** Absolute URL of the image: the large JPEG rendition for published photos. */
  url: string
  /** Its size in bytes when known (published photos): RSS/Atom enclosure length, Media RSS fileSize. */
  bytes?: number
  /** A small JPEG (at least 480 px wide: list views at 2x) for `media:thumbnail`; absent for photos hosted elsewhere. */
  thumbnail?: FeedImage
  /** Every rendition, absolute (JSON Feed's `_broadsheet` extension: the widget picks the one its card needs). */
  renditions: (FeedImage & { bytes: number })[]
  /** The printed credit line: `记者 石亮 摄` for Chinese, `Photo: NAME (staff reporter)` otherwise. */
  creditLine: string
}

/** The credit line as the article's readers expect it in print. */
export function creditLine(credit: Credit, lang: string): string {
  if (isTraditionalChinese(lang)) return creditLineZhHant(credit.role, credit.name)
  return (/^zh\b/i.test(lang) ? creditLineZh : creditLineEn)(credit.role, credit.name)
}

/** Site paths (`/media/…`) resolve against the base URL; anything else is already an absolute https URL. */
export function absoluteUrl(src: string, baseUrl: string): string {
  return src.startsWith('/') ? `${baseUrl}${src}` : src
}

/** Resolves a model photo for the feeds of an article written in `lang`. */
export function feedPhoto(photo: Photo, baseUrl: string, lang: string): FeedPhoto {
  const { src, renditions, ...rest } = photo
  const bytes = renditions.find((r) => r.src === src)?.bytes
  const small = pickRendition(photo, { type: 'image/jpeg', minWidth: 480 })
  const resolve = <T extends { src: string }>({ src: at, ...r }: T) => ({
    ...r,
    url: absoluteUrl(at, baseUrl),
  })
  return {
    ...rest,
    url: absoluteUrl(src, baseUrl),
    ...(bytes === undefined ? {} : { bytes }),
    ...(small && small.src !== src ? { thumbnail: resolve(small) } : {}),
    renditions: renditions.map(resolve),
    creditLine: creditLine(photo.credit, lang),
  }
}
