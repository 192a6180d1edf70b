/** The home page: the site, its articles with their feeds, the OPML link and the widget embed snippet. */

import { actorUrl } from '../../model/ap-urls.ts'
import { embedSnippet } from '../../model/embed-snippet.ts'
import { fediverseHandle, handleFromTitle } from '../../model/fediverse-handle.ts'
import {
  articlePageUrl,
  directoryUrl,
  FEED_FORMATS,
  feedUrl,
  opmlUrl,
  siteHomeUrl,
  subjectFeedName,
  subjectPageUrl,
} from '../../model/feed-urls.ts'
import type { ArticleSummary } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { type ArticleListPage, listNeighbours } from './article-list-page.ts'
import { editionLinks } from './edition-links.ts'
import { embedBuilderMarkup } from './embed-builder-markup.ts'
import { htmlLang } from './html-lang.ts'
import { escapeHtml } from './html-text.ts'
import { displayDate, labelsFor } from './page-labels.ts'
import { alternateLink, pageLayout } from './page-layout.ts'

const feedLinks = (site: SiteConfig, slug: string): string =>
  FEED_FORMATS.map(
    (f) => `<a href="${escapeHtml(feedUrl(site.baseUrl, slug, f.ext))}" type="${f.type}">${f.label}</a>`,
  ).join(' · ')

/** One OPML list per format: importing one subscribes to each feed once. */
const opmlLinks = (site: SiteConfig): string =>
  FEED_FORMATS.map(
    (f) => `<a href="${escapeHtml(opmlUrl(site.baseUrl, f.ext))}" type="text/x-opml">${f.label}</a>`,
  ).join(' · ')

function renderItem(a: ArticleSummary, site: SiteConfig): string {
  const labels = labelsFor(site.language)
  const dek = a.dek === undefined ? '' : `<p class="dek">${escapeHtml(a.dek)}</p>`
  return `<li><article>
<h2 lang="${escapeHtml(htmlLang(a.lang))}"><a href="${escapeHtml(articlePageUrl(site.baseUrl, a.slug))}">${escapeHtml(a.title)}</a></h2>
${dek}
<p class="meta"><time datetime="${escapeHtml(a.published)}">${escapeHtml(displayDate(a.published, site.language))}</time> · ${escapeHtml(labels.sections(a.sectionCount))}</p>
<p class="feeds">${escapeHtml(labels.feeds)}: ${feedLinks(site, a.slug)}</p>
</article></li>`
}

/**
 * The embed part: the static snippet (works without JavaScript), then the builder with a live preview of the
 * real widget: the whole paper, the topics the home page lists, the newest articles.
 */
function renderEmbed(list: ArticleListPage, site: SiteConfig): string {
  const labels = labelsFor(site.language)
  const { articles } = list
  const latest = articles[0]
  if (latest === undefined) return ''
  const builder = embedBuilderMarkup(
    [
      { label: labels.allFeeds, feeds: [{ name: 'all', title: site.title }] },
      {
        label: labels.topics,
        feeds: (list.topics ?? []).map((t) => ({ name: subjectFeedName('topic', t.id), title: t.name })),
      },
      { label: labels.articlesOf, feeds: articles.map((a) => ({ name: a.slug, title: a.title })) },
    ],
    site,
  )
  return `<section id="embed" aria-labelledby="embed-heading">
<h2 id="embed-heading">${escapeHtml(labels.embed)}</h2>
<p>${escapeHtml(labels.embedHint)}</p>
<pre><code>${escapeHtml(embedSnippet(site, latest.slug, latest.title))}</code></pre>
${builder}
</section>`
}

/** The topics (linked to their pages), then the topic list and the people list. */
function renderTopics(list: ArticleListPage, site: SiteConfig): string {
  const labels = labelsFor(site.language)
  const topics = (list.topics ?? []).map(
    (t) =>
      `<a rel="tag" href="${escapeHtml(subjectPageUrl(site.baseUrl, 'topic', t.id))}">${escapeHtml(t.name)}</a>`,
  )
  if (topics.length === 0) return ''
  const more = [
    `<a href="${escapeHtml(directoryUrl(site.baseUrl, 'topic'))}">${escapeHtml(labels.topics)}</a>`,
    `<a href="${escapeHtml(directoryUrl(site.baseUrl, 'person'))}">${escapeHtml(labels.people)}</a>`,
  ]
  return `<nav class="topics" aria-label="${escapeHtml(labels.topics)}"><p>${topics.join(' · ')}</p><p>${more.join(' · ')}</p></nav>`
}

/** Links to the older and newer pages of the list. */
function renderNeighbours(list: ArticleListPage, site: SiteConfig): string {
  const labels = labelsFor(site.language)
  const { older, newer } = listNeighbours(list)
  const links = [
    newer === null
      ? ''
      : `<a rel="prev" href="${escapeHtml(`${siteHomeUrl(site.baseUrl)}${newer === 'head' ? '' : `?page=${newer}`}`)}">${escapeHtml(labels.newer)}</a>`,
    older === null
      ? ''
      : `<a rel="next" href="${escapeHtml(`${siteHomeUrl(site.baseUrl)}?page=${older}`)}">${escapeHtml(labels.older)}</a>`,
  ].filter(Boolean)
  return links.length === 0 ? '' : `<nav class="pages">${links.join(' · ')}</nav>`
}

/** The page for `/` (the newest articles) or `/?page=N`; before the first publish an empty (200) page. */
export function renderHomePage(list: ArticleListPage, site: SiteConfig): string {
  const labels = labelsFor(site.language)
  const articles = list.articles
  const actor = actorUrl(site.origin)
  const items =
    articles.length === 0
      ? `<p class="empty">${escapeHtml(labels.empty)}</p>`
      : `<ul class="articles">\n${articles.map((a) => renderItem(a, site)).join('\n')}\n</ul>`
  const body = `<main>
<header>
<h1>${escapeHtml(site.title)}</h1>
<p class="dek">${escapeHtml(site.description)}</p>
<p class="feeds">${escapeHtml(labels.allFeeds)}: ${feedLinks(site, 'all')}</p>
<p class="feeds">${escapeHtml(labels.opml)}: ${opmlLinks(site)}</p>
<p class="fediverse">${escapeHtml(labels.fediverse)}: <a href="${escapeHtml(actor)}" rel="me">${escapeHtml(fediverseHandle(site.fediverseName ?? handleFromTitle(site.title), site.origin))}</a></p>
${list.page === null ? renderTopics(list, site) : ''}
</header>
${items}
${renderNeighbours(list, site)}
${list.page === null ? renderEmbed(list, site) : ''}
</main>`
  return pageLayout({
    lang: site.language,
    title: site.title,
    description: site.description,
    siteTitle: site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
    editions: editionLinks(
      site,
      `${siteHomeUrl(site.baseUrl)}${list.page === null ? '' : `?page=${list.page}`}`,
    ),
    head: [
      ...FEED_FORMATS.map((f) =>
        alternateLink(f.type, `${site.title} (${f.label})`, feedUrl(site.baseUrl, 'all', f.ext)),
      ),
      alternateLink('application/activity+json', `${site.title} (ActivityPub)`, actor),
    ].join('\n'),
    body,
  })
}
