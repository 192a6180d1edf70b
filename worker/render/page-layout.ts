/** The HTML document shell every page shares: language, viewport, the hashed stylesheet, icon, navigation. */

import { type EditionLinks, editionSwitch, hreflangLinks } from './edition-links.ts'
import { htmlLang } from './html-lang.ts'
import { escapeHtml } from './html-text.ts'
import { PAGE_STYLE } from './page-style.ts'

/** What a page puts into the shell; `head` and `body` are already-escaped markup. */
export interface PageParts {
  lang: string
  title: string
  description?: string
  /** Site title and home URL for the navigation bar. */
  siteTitle: string
  homeUrl: string
  head: string
  body: string
  /** The page in each edition (alternates and the script switch); absent on pages no edition pairs (errors). */
  editions?: EditionLinks
}

/** A complete HTML5 document. */
export function pageLayout(parts: PageParts): string {
  const description =
    parts.description === undefined
      ? ''
      : `<meta name="description" content="${escapeHtml(parts.description)}">\n`
  return `<!doctype html>
<html lang="${escapeHtml(htmlLang(parts.lang))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
${description}<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<style>${PAGE_STYLE}</style>
${parts.editions ? `${hreflangLinks(parts.editions)}\n` : ''}${parts.head}
</head>
<body>
<div class="page">
<nav class="site-nav"><a href="${escapeHtml(parts.homeUrl)}">${escapeHtml(parts.siteTitle)}</a>${parts.editions ? editionSwitch(parts.editions) : ''}</nav>
${parts.body}
</div>
</body>
</html>
`
}

/** `<link rel="alternate">` autodiscovery for one feed. */
export const alternateLink = (type: string, title: string, href: string): string =>
  `<link rel="alternate" type="${type}" title="${escapeHtml(title)}" href="${escapeHtml(href)}">`
