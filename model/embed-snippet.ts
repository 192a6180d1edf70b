/** The widget embed snippet partners paste: shown on the home page, returned by oEmbed, built by the embed builder. */

import { HANT_PATH } from './edition.ts'
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

/**
 * `slug` is the feed's name: an article's slug, `all`, or a topic's or person's (`topics/qijiang`).
 * The two lines a partner pastes: the script, and the element with a plain link inside as its no-JS fallback:
 * `<script type="module" src="…/widget.js"></script>\n<broadsheet-cards src="…/feeds/{slug}.json"><a …>title</a></broadsheet-cards>`.
 */
export function embedSnippet(
  baseUrl: string,
  slug: string,
  title: string,
  { layout = 'list', theme = 'auto', section, fallback }: EmbedOptions = {},
): string {
  const attrs =
    (layout === 'list' ? '' : ` layout="${escapeXml(layout)}"`) +
    (theme === 'auto' ? '' : ` theme="${escapeXml(theme)}"`) +
    (section === undefined ? '' : ` section="${escapeXml(section)}"`)
  // The widget script is shared by the editions: it lives at the site's origin, never under `/zh-tw`.
  const origin = baseUrl.endsWith(HANT_PATH) ? baseUrl.slice(0, -HANT_PATH.length) : baseUrl
  const script = `<script type="module" src="${escapeXml(widgetScriptUrl(origin))}"></script>`
  const link = fallback ?? `<a href="${escapeXml(pageOfFeed(baseUrl, slug))}">${escapeXml(title)}</a>`
  return `${script}\n<broadsheet-cards src="${escapeXml(feedUrl(baseUrl, slug, 'json'))}"${attrs}>${link}</broadsheet-cards>`
}
