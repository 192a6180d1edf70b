/** How every published photo is encoded: widths, formats and qualities (docs/editors.md "Photos"). Bump the version on any change. */

/** Part of every cache key: a new recipe re-encodes everything once, then publish is incremental again. */
export const RECIPE_VERSION = 'r2'

/**
 * Widths in steps that fit the places photos appear: 320 (a phone card at 1x), 640 (the article column at 1x,
 * a thumbnail), 800 (a 360-400 px widget card at 2x), 1024 (the column at 1.5x), 1600 (the column at 2x, the
 * feeds' large image). Never upscaled: an original
 * narrower than a step gets one rendition at its own width instead of the steps above it.
 */
export const RENDITION_WIDTHS: readonly number[] = [320, 640, 800, 1024, 1600]

/**
 * Output formats, best first: browsers take the first they support from `<picture>`. Efforts measured on a
 * 1600×2400 rendition of a 6000×4000 original here: AVIF effort 3 took 11 s, effort 0 3 s for files 25 % larger
 * at 1600 px and the same size at 640; WebP effort 4 3.8 s, effort 2 1 s (+5 %); mozjpeg 2.6 s, libjpeg-turbo
 * with optimised Huffman tables 0.2 s (+9 %). Publish time matters more than the last few percent.
 */
export const RENDITION_FORMATS = [
  { type: 'image/avif', ext: 'avif', options: { quality: 50, effort: 0 } },
  { type: 'image/webp', ext: 'webp', options: { quality: 76, effort: 2 } },
  { type: 'image/jpeg', ext: 'jpg', options: { quality: 80, progressive: true, optimiseCoding: true } },
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
