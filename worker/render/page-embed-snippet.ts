/** The two-line widget embed snippet for an article: shown on the home page and returned by oEmbed. */
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'
import { articleUrl, feedUrl } from './page-urls.ts'

/** `<script type="module" src="…/widget.js"></script><broadsheet-cards src="…/feeds/{slug}.json"><a …>title</a></broadsheet-cards>`. */
export function embedSnippet(site: SiteConfig, slug: string, title: string): string {
  const script = `<script type="module" src="${escapeHtml(`${site.baseUrl}/widget.js`)}"></script>`
  const link = `<a href="${escapeHtml(articleUrl(site, slug))}">${escapeHtml(title)}</a>`
  return `${script}\n<broadsheet-cards src="${escapeHtml(feedUrl(site, slug, 'json'))}">${link}</broadsheet-cards>`
}
