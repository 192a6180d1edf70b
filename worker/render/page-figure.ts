/** A photo as `<figure>` with its caption and the photographer's credit, as on the printed page. */
import type { Photo, Rendition } from '../../model/article.ts'
import { subjectPageUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'
import { photoCredit } from './page-labels.ts'
import { photoUrl } from './page-urls.ts'

/**
 * The width a photo takes on the pages: the column (`.page`: 38em of 17 px, less 2 × 1.25rem padding) on wide
 * screens, the viewport less the padding on narrow ones. The browser multiplies by its pixel ratio and takes
 * the narrowest rendition that covers it.
 */
export const FIGURE_SIZES = '(min-width: 646px) 606px, calc(100vw - 40px)'

/** Best first: a browser takes the first `<source>` whose type it supports, else the `<img>` (JPEG). */
const SOURCE_TYPES = ['image/avif', 'image/webp'] as const

/** Only http(s) URLs become `src`: a `javascript:` or `data:` source from bad content renders no image. */
function safeSrc(site: SiteConfig, src: string): string | null {
  const url = photoUrl(site, src)
  return /^https?:\/\//i.test(url) ? url : null
}

/** `URL 320w, URL 640w, …` for the renditions of one type, or '' when there are none. */
function srcset(site: SiteConfig, renditions: readonly Rendition[], type: string): string {
  return renditions
    .filter((r) => r.type === type)
    .sort((a, b) => a.width - b.width)
    .flatMap((r) => {
      const url = safeSrc(site, r.src)
      return url === null ? [] : [`${escapeHtml(url)} ${r.width}w`]
    })
    .join(', ')
}

function renderImage(photo: Photo, site: SiteConfig): string {
  const src = safeSrc(site, photo.src)
  if (src === null) return ''
  const jpeg = srcset(site, photo.renditions, photo.type)
  const sizes = jpeg ? ` srcset="${jpeg}" sizes="${FIGURE_SIZES}"` : ''
  const img = `<img src="${escapeHtml(src)}"${sizes} alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}" loading="lazy" decoding="async">`
  const sources = SOURCE_TYPES.flatMap((type) => {
    const set = srcset(site, photo.renditions, type)
    return set ? [`<source type="${type}" srcset="${set}" sizes="${FIGURE_SIZES}">`] : []
  })
  return sources.length === 0 ? img : `<picture>${sources.join('')}${img}</picture>`
}

/** `<figure><picture>…<img …></picture><figcaption>caption <span class="credit">记者 石亮 摄</span></figcaption></figure>`. */
export function renderFigure(photo: Photo, site: SiteConfig, lang: string): string {
  const line = escapeHtml(photoCredit(photo.credit, lang))
  const name = escapeHtml(photo.credit.name)
  // The photographer's name links to their page (their photos, their feeds).
  const id = photo.credit.id
  const href = id === undefined ? '' : escapeHtml(subjectPageUrl(site.baseUrl, 'person', id))
  const linked = id === undefined ? line : line.replace(name, () => `<a href="${href}">${name}</a>`)
  const credit = `<span class="credit">${linked}</span>`
  return `<figure>${renderImage(photo, site)}<figcaption>${escapeHtml(photo.caption)} ${credit}</figcaption></figure>`
}
