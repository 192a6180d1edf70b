/** A photo as feeds carry it: an absolute URL and a credit line in the article's language. */
import { CREDIT_LABELS_ZH, type Credit, type Photo } from '../../model/article.ts'
import { CREDIT_LABELS_EN } from './credit-labels.ts'

/** A model photo resolved for output: everything a renderer needs, no base URL left to apply. */
export interface FeedPhoto extends Omit<Photo, 'src'> {
  /** Absolute URL of the image. */
  url: string
  /** The printed credit line: `记者 石亮 摄` for Chinese, `Photo: NAME (staff reporter)` otherwise. */
  creditLine: string
}

/** The credit line as the article's readers expect it in print. */
export function creditLine(credit: Credit, lang: string): string {
  return /^zh\b/i.test(lang)
    ? `${CREDIT_LABELS_ZH[credit.role]} ${credit.name} 摄`
    : `Photo: ${credit.name} (${CREDIT_LABELS_EN[credit.role]})`
}

/** Site paths (`/media/…`) resolve against the base URL; anything else is already an absolute https URL. */
export function absoluteUrl(src: string, baseUrl: string): string {
  return src.startsWith('/') ? `${baseUrl}${src}` : src
}

/** Resolves a model photo for the feeds of an article written in `lang`. */
export function feedPhoto(photo: Photo, baseUrl: string, lang: string): FeedPhoto {
  const { src, ...rest } = photo
  return { ...rest, url: absoluteUrl(src, baseUrl), creditLine: creditLine(photo.credit, lang) }
}
