/** The sitemap index (sitemaps.org 0.9 `sitemapindex`): every URL sitemap, with the time it last changed. */
import { SITEMAP_NS, XML_DECLARATION } from './render-sitemap.ts'
import { xmlElement, xmlText } from './xml-text.ts'

/** One listed sitemap: its absolute URL and the newest `<lastmod>` inside it (none when it has no time). */
export interface ListedSitemap {
  loc: string
  lastmod?: string
}

export function renderSitemapIndex(sitemaps: readonly ListedSitemap[]): string {
  const entries = sitemaps.map((s) =>
    xmlElement('sitemap', {}, `${xmlText('loc', s.loc)}${s.lastmod ? xmlText('lastmod', s.lastmod) : ''}`),
  )
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`
}
