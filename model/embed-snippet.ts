/** The widget embed snippet partners paste: shown on the home page, returned by oEmbed, built by the embed builder. */

import { escapeXml } from './escape-xml.ts'
import { feedUrl, pageOfFeed, widgetScriptUrl } from './feed-urls.ts'

/** Attributes the snippet may carry; the widget's defaults (`list`, `auto`) are left out. */
export interface EmbedOptions {
  layout?: string
  theme?: string
  /** One item only (the widget's `section` attribute): a section's id, or `photos` for the gallery. */
  section?: string
  /** Markup inside the element instead of the plain link (already escaped): what shows without JavaScript. */
  fallback?: string
}

/** Where the snippet's URLs point: the edition's base URL (feeds, pages) and the site's origin (the widget script). */
export interface EmbedUrls {
  /** The edition's base URL without trailing slash: the origin, followed by `/zh-tw` in the Traditional edition. */
  baseUrl: string
  /** The site's origin: the widget script is one for every edition. */
  origin: string
}

/**
 * `slug` is the feed's name: an article's slug, `all`, or a topic's or person's (`topics/qijiang`).
 * The two lines a partner pastes: the script, and the element with a plain link inside as its no-JS fallback:
 * `<script type="module" src="…/widget.js"></script>\n<broadsheet-cards src="…/feeds/{slug}.json"><a …>title</a></broadsheet-cards>`.
 */
export function embedSnippet(
  { baseUrl, origin }: EmbedUrls,
  slug: string,
  title: string,
  { layout = 'list', theme = 'auto', section, fallback }: EmbedOptions = {},
): string {
  const attrs =
    (layout === 'list' ? '' : ` layout="${escapeXml(layout)}"`) +
    (theme === 'auto' ? '' : ` theme="${escapeXml(theme)}"`) +
    (section === undefined ? '' : ` section="${escapeXml(section)}"`)
  const script = `<script type="module" src="${escapeXml(widgetScriptUrl(origin))}"></script>`
  const link = fallback ?? `<a href="${escapeXml(pageOfFeed(baseUrl, slug))}">${escapeXml(title)}</a>`
  return `${script}\n<broadsheet-cards src="${escapeXml(feedUrl(baseUrl, slug, 'json'))}"${attrs}>${link}</broadsheet-cards>`
}
