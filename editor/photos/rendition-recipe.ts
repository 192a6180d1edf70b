/** How every published photo is encoded: widths, formats and qualities (README "Photos"). Bump the version on any change. */

/** Part of every cache key: a new recipe re-encodes everything once, then publish is incremental again. */
export const RECIPE_VERSION = 'r1'

/**
 * Widths in steps that fit the places photos appear: 320 (a phone card at 1x), 640 (the article column at 1x,
 * a thumbnail), 800 (a 360-400 px widget card at 2x), 1024 (the column at 1.5x), 1600 (the column at 2x, the
 * feeds' large image). Never upscaled: an original
 * narrower than a step gets one rendition at its own width instead of the steps above it.
 */
export const RENDITION_WIDTHS: readonly number[] = [320, 640, 800, 1024, 1600]

/** Output formats, best first: browsers take the first they support from `<picture>`. */
export const RENDITION_FORMATS = [
  { type: 'image/avif', ext: 'avif', options: { quality: 50, effort: 3 } },
  { type: 'image/webp', ext: 'webp', options: { quality: 76, effort: 4 } },
  { type: 'image/jpeg', ext: 'jpg', options: { quality: 80, mozjpeg: true, progressive: true } },
] as const

/** One of RENDITION_FORMATS. */
export type RenditionFormat = (typeof RENDITION_FORMATS)[number]

/** The widths an original `width` px wide gets: each step below it, and its own width capped at the largest step. */
export function renditionWidths(width: number): number[] {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] ?? width
  const below = RENDITION_WIDTHS.filter((w) => w < width)
  const top = Math.min(width, largest)
  return below.includes(top) ? below : [...below, top]
}
