/**
 * An article as one ActivityStreams `Article` (pure: the model and the URLs in, JSON-LD out). Followers get the
 * whole article as HTML (lede, section headings, paragraphs, each photo with its caption and credit, corrections)
 * and each photo once more as an `Image` attachment whose `name` is its alt text, so servers that show
 * attachments (Mastodon shows the title, a link and the first four) describe every picture.
 */

import { PAPER_ID } from '../../model/ap-urls.ts'
import type { Article, Photo } from '../../model/article.ts'
import { articlePageUrl, subjectPageUrl } from '../../model/feed-urls.ts'
import { correctionsHtml } from '../../worker/render/correction-note.ts'
import { absoluteUrl, feedPhoto } from '../../worker/render/feed-photo.ts'
import { sectionHtml } from '../../worker/render/section-html.ts'
import { escapeXml } from '../../worker/render/xml-text.ts'
import { apUrls } from '../ap-urls.ts'
import { languageMaps } from './edition-maps.ts'

export const AS_CONTEXT = 'https://www.w3.org/ns/activitystreams'
export const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public'
/** The context of every object and activity we send: AS2 plus the terms Mastodon uses for hashtags. */
export const OBJECT_CONTEXT = [AS_CONTEXT, { Hashtag: 'as:Hashtag' }] as const
/** Attachments are raster renditions at most this wide. */
export const MAX_ATTACHMENT_WIDTH = 1600

export type Json = Record<string, unknown>

/** RFC 3339 with an offset → UTC `…Z` without fractions (what every server parses). */
export const utc = (rfc3339: string): string => new Date(rfc3339).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** A tag as a hashtag name: letters, digits and underscores only (Mastodon's rule); empty when nothing is left. */
export const hashtagName = (tag: string): string => tag.replace(/[^\p{L}\p{N}_]/gu, '')

/** Every photo of the article in reading order: each section's, then the gallery. */
export const articlePhotos = (article: Article): Photo[] => [
  ...article.sections.flatMap((s) => s.photos),
  ...article.photos,
]

/** The widest raster JPEG rendition at most MAX_ATTACHMENT_WIDTH wide (or the photo as declared, when hosted elsewhere). */
export function attachmentImage(photo: Photo): { src: string; type: string; width: number; height: number } {
  let best: { src: string; type: string; width: number; height: number } | undefined
  for (const r of photo.renditions) {
    if (r.type !== 'image/jpeg' || r.width > MAX_ATTACHMENT_WIDTH) continue
    if (!best || r.width > best.width) best = r
  }
  return best ?? photo
}

/** The article's body as HTML, the way its page reads. */
export function articleHtml(article: Article, baseUrl: string): string {
  const photos = (list: readonly Photo[]) => list.map((p) => feedPhoto(p, baseUrl, article.lang))
  const lede = article.lede.map((p) => `<p>${escapeXml(p)}</p>`).join('')
  const sections = article.sections
    .map(
      (s) =>
        (s.heading.trim() ? `<h2>${escapeXml(s.heading)}</h2>` : '') +
        sectionHtml(s.paragraphs, photos(s.photos)) +
        correctionsHtml(s.corrections ?? [], article.lang),
    )
    .join('')
  const gallery = sectionHtml([], photos(article.photos))
  return lede + sections + gallery + correctionsHtml(article.corrections ?? [], article.lang)
}

/**
 * The `Article` object followers receive and `/ap/articles/:slug` serves. `editions` are the article's other
 * editions as publish converted them (the Traditional one): each of the same version adds its language to
 * `contentMap`, `nameMap` and `summaryMap`; the plain fields stay the original's.
 */
export function renderArticleObject(
  article: Article,
  baseUrl: string,
  editions: readonly Article[] = [],
): Json {
  const html = articleHtml(article, baseUrl)
  const summary = (a: Article) => (a.dek ? escapeXml(a.dek) : undefined)
  const maps = languageMaps(
    article,
    editions,
    (a) => (a === article ? html : articleHtml(a, baseUrl)),
    summary,
  )
  // Each tag once, linked to its topic page when content/topics.md gave it an id.
  const tags = new Map<string, string | undefined>()
  article.tags.forEach((tag, i) => {
    const name = hashtagName(tag)
    const topic = article.topics?.[i]
    if (name !== '' && !tags.get(name))
      tags.set(name, topic ? subjectPageUrl(baseUrl, 'topic', topic) : undefined)
  })
  return {
    id: apUrls.article(baseUrl, article.slug),
    type: 'Article',
    attributedTo: apUrls.actor(baseUrl, PAPER_ID),
    name: article.title,
    nameMap: maps.nameMap,
    ...(article.dek ? { summary: summary(article) } : {}),
    ...(maps.summaryMap ? { summaryMap: maps.summaryMap } : {}),
    content: html,
    contentMap: maps.contentMap,
    mediaType: 'text/html',
    url: articlePageUrl(baseUrl, article.slug),
    published: utc(article.published),
    updated: utc(article.updated),
    to: [PUBLIC],
    cc: [apUrls.followers(baseUrl, PAPER_ID)],
    tag: [...tags].map(([name, href]) => ({ type: 'Hashtag', name: `#${name}`, ...(href ? { href } : {}) })),
    attachment: articlePhotos(article).map((photo) => {
      const image = attachmentImage(photo)
      return {
        type: 'Image',
        mediaType: image.type,
        url: absoluteUrl(image.src, baseUrl),
        name: photo.alt,
        width: image.width,
        height: image.height,
      }
    }),
  }
}

/** What a withdrawn article becomes. */
export function renderTombstone(slug: string, withdrawn: string, baseUrl: string): Json {
  return {
    id: apUrls.article(baseUrl, slug),
    type: 'Tombstone',
    formerType: 'Article',
    deleted: utc(withdrawn),
  }
}
