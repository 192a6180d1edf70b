/** The embed builder's markup: `<broadsheet-embed-builder>` with the feeds a partner may choose, and its scripts. */
import { embedBuilderScriptUrl, widgetScriptUrl } from '../../model/feed-urls.ts'
import type { SiteConfig } from '../site-config.ts'
import { escapeHtml } from './html-text.ts'

/** A labelled group of choices: each a feed name (`all`, `topics/{id}`, `people/{id}`, a slug) and its title. */
export interface EmbedChoices {
  label: string
  feeds: readonly { name: string; title: string }[]
}

/**
 * The builder with its choices as `<optgroup>`s (empty groups left out), then the widget (its live preview) and the
 * builder's script, both served from this origin (`script-src 'self'`).
 */
export function embedBuilderMarkup(groups: readonly EmbedChoices[], site: SiteConfig): string {
  const options = groups
    .filter((g) => g.feeds.length > 0)
    .map(
      (g) =>
        `<optgroup label="${escapeHtml(g.label)}">${g.feeds
          .map((f) => `<option value="${escapeHtml(f.name)}">${escapeHtml(f.title)}</option>`)
          .join('')}</optgroup>`,
    )
    .join('')
  return `<broadsheet-embed-builder base="${escapeHtml(site.baseUrl)}" origin="${escapeHtml(site.origin)}">${options}</broadsheet-embed-builder>
<script type="module" src="${escapeHtml(widgetScriptUrl(site.origin))}"></script>
<script type="module" src="${escapeHtml(embedBuilderScriptUrl(site.origin))}"></script>`
}
