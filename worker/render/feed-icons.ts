/** The site icon as feeds reference it: PNG renditions (worker/site-icon.ts), absolute URLs with their sizes. */
import { RASTER_ICONS, type RasterIcon, rasterIconUrl } from '../site-icon.ts'

/** One square PNG icon. */
export interface FeedIcon {
  url: string
  size: number
}

/** RSS `<image>` (at most 144 px wide), JSON Feed `favicon` and Atom `icon` (small), Atom `logo` and JSON `icon`. */
export interface FeedIcons {
  rssImage: FeedIcon
  favicon: FeedIcon
  logo: FeedIcon
}

const icon = (baseUrl: string, i: RasterIcon): FeedIcon => ({ url: rasterIconUrl(baseUrl, i), size: i.size })

/** The icons of a site at `baseUrl`. */
export function feedIcons(baseUrl: string): FeedIcons {
  return {
    rssImage: icon(baseUrl, RASTER_ICONS.rssImage),
    favicon: icon(baseUrl, RASTER_ICONS.favicon),
    logo: icon(baseUrl, RASTER_ICONS.logo),
  }
}
