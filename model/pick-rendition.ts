/** Chooses a photo's rendition for a use (a thumbnail, an og:image, a card) without knowing the recipe. */
import type { Photo, Rendition } from './article.ts'

export interface RenditionWish {
  /** The MIME type wanted, e.g. image/jpeg (every published photo has JPEG renditions). */
  type: string
  /** The narrowest acceptable width in pixels; the smallest rendition at least this wide wins. */
  minWidth: number
}

/**
 * The smallest rendition of `type` at least `minWidth` wide, else the widest of that type (photos are never
 * upscaled, so a small original has no wider one); undefined when the photo has none of that type (a photo
 * hosted elsewhere: use `photo.src`).
 */
export function pickRendition(photo: Photo, wish: RenditionWish): Rendition | undefined {
  let best: Rendition | undefined
  for (const r of photo.renditions) {
    if (r.type !== wish.type) continue
    const fits = r.width >= wish.minWidth
    const bestFits = best !== undefined && best.width >= wish.minWidth
    if (
      best === undefined ||
      (fits && (!bestFits || r.width < best.width)) ||
      (!fits && !bestFits && r.width > best.width)
    )
      best = r
  }
  return best
}
