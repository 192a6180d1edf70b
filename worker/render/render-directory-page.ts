/**
 * The topic list (`/topics`) and the people list (`/people`): every subject linked to its page, with its feeds, and
 * the embed builder for them.
 */
import {
  directoryUrl,
  FEED_FORMATS,
  feedUrl,
  siteHomeUrl,
  subjectFeedName,
  subjectPageUrl,
} from '../../model/feed-urls.ts'
import type { DirectoryPageValue } from '../../model/store-values.ts'
import type { SubjectKind } from '../../model/subject.ts'
import type { SiteConfig } from '../site-config.ts'
import { editionLinks } from './edition-links.ts'
import { embedBuilderMarkup } from './embed-builder-markup.ts'
import { escapeHtml } from './html-text.ts'
import { displayDate, labelsFor } from './page-labels.ts'
import { pageLayout } from './page-layout.ts'

/** One page of a directory (1 = the first subjects of the content file). */
export function renderDirectoryPage(kind: SubjectKind, value: DirectoryPageValue, site: SiteConfig): string {
  const labels = labelsFor(site.language)
  const heading = kind === 'topic' ? labels.topics : labels.people
  const items = value.entries.map((e) => {
    const name = subjectFeedName(kind, e.id)
    const feeds = FEED_FORMATS.map(
      (f) => `<a href="${escapeHtml(feedUrl(site.baseUrl, name, f.ext))}" type="${f.type}">${f.label}</a>`,
    ).join(' · ')
    const time = e.updated
      ? ` · <time datetime="${escapeHtml(e.updated)}">${escapeHtml(displayDate(e.updated, site.language))}</time>`
      : ''
    return `<li><a href="${escapeHtml(subjectPageUrl(site.baseUrl, kind, e.id))}">${escapeHtml(e.name)}</a> <span class="meta">${feeds}${time}</span></li>`
  })
  const pages = Array.from({ length: value.pages }, (_, i) => i + 1)
  const nav =
    value.pages > 1
      ? `<nav class="pages">${pages
          .map((n) =>
            n === value.page
              ? `<span>${n}</span>`
              : `<a href="${escapeHtml(directoryUrl(site.baseUrl, kind, n))}">${n}</a>`,
          )
          .join(' · ')}</nav>`
      : ''
  const published = value.entries.filter((e) => e.updated !== null)
  // The builder offers the whole paper and every subject of this page with a published feed.
  const embed =
    published.length === 0
      ? ''
      : `<section id="embed" aria-labelledby="embed-heading">
<h2 id="embed-heading">${escapeHtml(labels.embed)}</h2>
${embedBuilderMarkup(
  [
    { label: labels.allFeeds, feeds: [{ name: 'all', title: site.title }] },
    { label: heading, feeds: published.map((e) => ({ name: subjectFeedName(kind, e.id), title: e.name })) },
  ],
  site,
)}
</section>`
  const body = `<main>
<header><h1>${escapeHtml(heading)}</h1></header>
${items.length === 0 ? `<p class="empty">${escapeHtml(labels.empty)}</p>` : `<ul class="subjects">\n${items.join('\n')}\n</ul>`}
${nav}
${embed}
</main>`
  return pageLayout({
    lang: site.language,
    title: `${heading} | ${site.title}`,
    siteTitle: site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
    head: `<link rel="canonical" href="${escapeHtml(directoryUrl(site.baseUrl, kind, value.page))}">`,
    body,
    editions: editionLinks(site, directoryUrl(site.baseUrl, kind, value.page)),
  })
}
