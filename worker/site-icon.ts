/** The site icon: one SVG source, and the raster sizes `npm run build` renders from it with sharp (dist/assets). */

/** A folded newspaper in the brand ink: a plain, scriptless SVG. */
export const SITE_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d1d1b"/><path d="M7 9h18v3H7zm0 5h8v9H7zm10 0h8v2h-8zm0 4h8v2h-8zm0 4h8v1h-8z" fill="#fbfaf6"/></svg>`

/**
 * The PNG renditions, by file name (each served at `/{name}`): feed icons and logos must be GIF, JPEG or PNG in
 * RSS and are best raster everywhere (link previews, JSON-LD publisher logos, home-screen icons ignore SVG).
 */
export const RASTER_ICONS = {
  /** JSON Feed `favicon` (64×64 is the spec's suggestion). */
  favicon: { name: 'icon-64.png', size: 64 },
  /** RSS `<image>`: at most 144 px wide. */
  rssImage: { name: 'icon-144.png', size: 144 },
  /** iOS home screen. */
  appleTouch: { name: 'apple-touch-icon.png', size: 180 },
  /** Atom `logo`, JSON Feed `icon`, the JSON-LD publisher logo and the fallback link-preview image. */
  logo: { name: 'icon-512.png', size: 512 },
} as const

/** `/favicon.ico`: a 32×32 PNG inside an ICO container (valid since Windows Vista; every browser reads it). */
export const FAVICON_ICO = { name: 'favicon.ico', size: 32 } as const

export type RasterIcon = (typeof RASTER_ICONS)[keyof typeof RASTER_ICONS]

/** An icon's absolute URL. */
export const rasterIconUrl = (baseUrl: string, icon: { name: string }): string => `${baseUrl}/${icon.name}`
