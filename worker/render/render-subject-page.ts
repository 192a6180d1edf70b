/**
 * A topic's or person's page (`/topics/{id}`, `/people/{id}`): its name, its three feeds (also as
 * `<link rel="alternate">`), its oEmbed endpoint, an embed snippet, its articles newest first and, for a person,
 * the photos they took.
 */

import { actorUrl, topicActorId } from '../../model/ap-urls.ts'
import type { Photo } from '../../model/article.ts'
import { embedSnippet } from '../../model/embed-snippet.ts'
import { fediverseHandle, handleFromTitle, topicHandleName } from '../../model/fediverse-handle.ts'
import {
  articlePageUrl,
  directoryUrl,
  FEED_FORMATS,
  feedUrl,
  oembedUrlOf,
  siteHomeUrl,
  subjectFeedName,
  subjectPageUrl,
} from '../../model/feed-urls.ts'
import type { FeedLogEntry, FeedLogItem } from '../../model/store-values.ts'
import type { SubjectInfo } from '../../model/subject.ts'
import type { SiteConfig } from '../site-config.ts'
import { editionLinks } from './edition-links.ts'
import { escapeHtml } from './html-text.ts'
import { renderFigure } from './page-figure.ts'
import { displayDate, labelsFor, subjectTitle } from './page-labels.ts'
import { alternateLink, pageLayout } from './page-layout.ts'

/** What the page shows: the subject and a page of its log (the head's newest items, or archive page N). */
export interface SubjectPage {
  subject: SubjectInfo
  /** Oldest first, as stored. */
  entries: readonly FeedLogEntry[]
  /** null: the newest items; N: archive page N. */
  page: number | null
  /** Number of complete archive pages. */
  archived: number
}

/** Photos a person took, at most this many on their page (the feeds and archive pages hold the rest). */
const PHOTOS_SHOWN = 24

/** The articles of the items, newest first, each once. */
function articlesOf(items: readonly FeedLogItem[]): FeedLogItem['article'][] {
  const seen = new Map<string, FeedLogItem['article']>()
  for (const e of items) if (!seen.has(e.article.slug)) seen.set(e.article.slug, e.article)
  return [...seen.values()]
}

function renderArticle(a: FeedLogItem['article'], site: SiteConfig): string {
  const dek = a.dek === undefined ? '' : `<p class="dek">${escapeHtml(a.dek)}</p>`
  return `<li><article>
<h3 lang="${escapeHtml(a.lang)}"><a href="${escapeHtml(articlePageUrl(site.baseUrl, a.slug))}">${escapeHtml(a.title)}</a></h3>
${dek}
<p class="meta"><time datetime="${escapeHtml(a.published)}">${escapeHtml(displayDate(a.published, site.language))}</time></p>
</article></li>`
}

function photosBy(id: string, items: readonly FeedLogItem[]): { photo: Photo; lang: string }[] {
  return items
    .flatMap((e) =>
      e.section.photos.filter((p) => p.credit.id === id).map((photo) => ({ photo, lang: e.article.lang })),
    )
    .slice(0, PHOTOS_SHOWN)
}

/** The page of a topic or person. */
export function renderSubjectPage(p: SubjectPage, site: SiteConfig): string {
  const { subject } = p
  const labels = labelsFor(site.language)
  const name = subjectFeedName(subject.kind, subject.id)
  const here = subjectPageUrl(site.baseUrl, subject.kind, subject.id)
  const shown = p.page === null ? p.entries.slice(-40) : p.entries
  const items = [...shown].reverse().filter((e): e is FeedLogItem => 'section' in e)
  const articles = articlesOf(items)
  const list =
    articles.length === 0
      ? `<p class="empty">${escapeHtml(labels.noArticles)}</p>`
      : `<ul class="articles">\n${articles.map((a) => renderArticle(a, site)).join('\n')}\n</ul>`
  const photos = subject.kind === 'person' ? photosBy(subject.id, items) : []
  const gallery =
    photos.length === 0
      ? ''
      : `<section aria-labelledby="photos-heading"><h2 id="photos-heading">${escapeHtml(labels.photosBy(subject.name))}</h2>
${photos.map((x) => renderFigure(x.photo, site, x.lang)).join('\n')}
</section>`
  const older = p.page === null ? p.archived : p.page - 1
  const nav =
    older >= 1
      ? `<nav class="pages"><a rel="next" href="${escapeHtml(`${here}?page=${older}`)}">${escapeHtml(labels.older)}</a></nav>`
      : ''
  const feeds = FEED_FORMATS.map(
    (f) => `<a href="${escapeHtml(feedUrl(site.baseUrl, name, f.ext))}" type="${f.type}">${f.label}</a>`,
  ).join(' · ')
  const title = subjectTitle(subject, site)
  const snippet = embedSnippet(site, name, subject.name)
  // A topic is an ActivityPub actor of its own (the federation Worker): followable as `@{id}@{host}`.
  const actor = subject.kind === 'topic' ? actorUrl(site.origin, topicActorId(subject.id)) : null
  const paperName = site.fediverseName ?? handleFromTitle(site.title)
  const handle = fediverseHandle(topicHandleName(subject.id, paperName), site.origin)
  const follow =
    actor === null
      ? ''
      : `<p class="fediverse">${escapeHtml(labels.fediverse)}: <a href="${escapeHtml(actor)}">${escapeHtml(handle)}</a></p>\n`
  const body = `<main>
<header>
<p class="meta"><a href="${escapeHtml(directoryUrl(site.baseUrl, subject.kind))}">${escapeHtml(subject.kind === 'topic' ? labels.topics : labels.people)}</a></p>
<h1>${escapeHtml(subject.name)}</h1>
${subject.description ? `<p class="dek">${escapeHtml(subject.description)}</p>` : ''}
<p class="feeds">${escapeHtml(labels.feeds)}: ${feeds}</p>
${follow}</header>
<h2>${escapeHtml(labels.articlesOf)}</h2>
${list}
${nav}
${gallery}
<section id="embed" aria-labelledby="embed-heading">
<h2 id="embed-heading">${escapeHtml(labels.embed)}</h2>
<p>${escapeHtml(labels.embedSubject)}</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
</section>
</main>`
  return pageLayout({
    lang: site.language,
    title,
    description: subject.description ?? title,
    siteTitle: site.title,
    homeUrl: siteHomeUrl(site.baseUrl),
    editions: editionLinks(site, p.page === null ? here : `${here}?page=${p.page}`),
    head: [
      ...FEED_FORMATS.map((f) =>
        alternateLink(f.type, `${title} (${f.label})`, feedUrl(site.baseUrl, name, f.ext)),
      ),
      ...(actor === null
        ? []
        : [alternateLink('application/activity+json', `${title} (ActivityPub)`, actor)]),
      alternateLink('application/json+oembed', subject.name, oembedUrlOf(site.baseUrl, here)),
      `<link rel="canonical" href="${escapeHtml(p.page === null ? here : `${here}?page=${p.page}`)}">`,
    ].join('\n'),
    body,
  })
}
