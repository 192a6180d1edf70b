/** RSS 2.0 with the namespaces feed readers use: atom (self, hub, paging), dc (creator), content, Media RSS. */
import { FEED_MEDIA_TYPES } from '../../model/feed-urls.ts'
import { rfc822 } from './feed-dates.ts'
import type { FeedDocument, FeedItem } from './feed-document.ts'
import { renderedOnce } from './feed-item-memo.ts'
import { FH_NAMESPACE, navigationLinks } from './feed-paging-links.ts'
import type { FeedImage, FeedPhoto } from './feed-photo.ts'
import { escapeHtmlText, xmlElement, xmlText } from './xml-text.ts'

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
}

/** A list-view picture: a photo's small rendition, or the site logo for an item without photos. */
function mediaThumbnail(image: FeedImage): string {
  return xmlElement('media:thumbnail', { url: image.url, width: image.width, height: image.height })
}

/**
 * The credit inside media:content. No media:description: feedparser reads one anywhere in an item as the item's
 * description, so the summary became the last caption and rss2email's text mode mailed only that caption.
 * Captions reach readers in the body (each figure's figcaption ends with the credit).
 */
function mediaContent(photo: FeedPhoto): string {
  const inner =
    xmlText('media:credit', photo.credit.name, { role: 'photographer', scheme: 'urn:ebu' }) +
    (photo.thumbnail ? mediaThumbnail(photo.thumbnail) : '')
  const attrs = {
    url: photo.url,
    type: photo.type,
    medium: 'image',
    ...(photo.bytes === undefined ? {} : { fileSize: photo.bytes }),
    width: photo.width,
    height: photo.height,
  }
  return xmlElement('media:content', attrs, inner)
}

/** Each remembered item's markup (feed-item-memo.ts). */
const rendered = new WeakMap<FeedItem, string>()

function item(entry: FeedItem): string {
  // `description` is HTML by definition in RSS 2.0: the plain summary is escaped as HTML first.
  const parts = [
    xmlText('title', entry.title),
    xmlText('link', entry.url),
    xmlText('guid', entry.id, { isPermaLink: 'false' }),
    xmlText('pubDate', rfc822(entry.published)),
    xmlText('dc:creator', entry.author),
    ...entry.tags.map((t) => xmlText('category', t)),
    xmlText('description', escapeHtmlText(entry.summary)),
    xmlText('content:encoded', entry.contentHtml),
    ...entry.photos.map(mediaContent),
    entry.logoThumbnail ? mediaThumbnail(entry.logoThumbnail) : '',
  ]
  return xmlElement('item', {}, parts.join(''))
}

/** The channel `image`: the PNG icon, titled and linked exactly as the channel (validators check both). */
function channelImage(doc: FeedDocument): string {
  const { url, size } = doc.icons.rssImage
  const inner = [
    xmlText('url', url),
    xmlText('title', doc.title),
    xmlText('link', doc.homeUrl),
    xmlText('width', String(size)),
    xmlText('height', String(size)),
  ]
  return xmlElement('image', {}, inner.join(''))
}

/**
 * Renders RSS 2.0. Each item's list-view picture is a `media:thumbnail`: a photo's small rendition inside its
 * media:content, or for an item without photos the site logo at item level.
 */
export function renderRss(doc: FeedDocument): string {
  const self = doc.self.rss
  const channel = [
    xmlText('title', doc.title),
    xmlText('link', doc.homeUrl),
    xmlText('description', doc.description),
    xmlText('language', doc.lang),
    ...(doc.categories ?? []).map((c) => xmlText('category', c.term, c.scheme ? { domain: c.scheme } : {})),
    channelImage(doc),
    xmlElement('atom:link', { href: self, rel: 'self', type: FEED_MEDIA_TYPES.rss }),
    doc.hub ? xmlElement('atom:link', { href: doc.hub, rel: 'hub' }) : '',
    ...navigationLinks(doc, 'rss').map((l) =>
      xmlElement('atom:link', { href: l.href, rel: l.rel, type: FEED_MEDIA_TYPES.rss }),
    ),
    xmlText('lastBuildDate', rfc822(doc.updated)),
    xmlText('docs', 'https://www.rssboard.org/rss-specification'),
    xmlText('generator', doc.generator.name),
    doc.archive?.isArchive ? xmlElement('fh:archive', {}) : '',
    ...doc.items.map((i) => renderedOnce(i, rendered, item)),
  ]
  const namespaces = doc.archive?.isArchive ? { ...NAMESPACES, 'xmlns:fh': FH_NAMESPACE } : NAMESPACES
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement('rss', { version: '2.0', ...namespaces }, xmlElement('channel', {}, channel.join('')))}\n`
}
