/** Photo URLs on pages: resolved exactly as the feeds resolve them (the rest of the URL contract is model/feed-urls.ts). */

import type { SiteConfig } from '../site-config.ts'
import { absoluteUrl } from './feed-photo.ts'

/** Photo sources are site paths (`/media/...`) or absolute https URLs. */
export const photoUrl = (site: SiteConfig, src: string): string => absoluteUrl(src, site.origin)
