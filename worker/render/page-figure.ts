/** A photo as `<figure>` with its caption and the photographer's credit, as on the printed page. */
import type { Photo } from '../../model/article.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'
import { photoCredit } from './page-labels.ts'
import { photoUrl } from './page-urls.ts'

/** Only http(s) URLs become `src`: a `javascript:` or `data:` source from bad content renders no image. */
function safeSrc(site: SiteConfig, src: string): string | null {
  const url = photoUrl(site, src)
  return /^https?:\/\//i.test(url) ? url : null
}

/** `<figure><img …><figcaption>caption <span class="credit">记者 石亮 摄</span></figcaption></figure>`. */
export function renderFigure(photo: Photo, site: SiteConfig, lang: string): string {
  const src = safeSrc(site, photo.src)
  const img =
    src === null
      ? ''
      : `<img src="${escapeHtml(src)}" alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}" loading="lazy" decoding="async">`
  const credit = `<span class="credit">${escapeHtml(photoCredit(photo.credit, lang))}</span>`
  return `<figure>${img}<figcaption>${escapeHtml(photo.caption)} ${credit}</figcaption></figure>`
}
