/** Atom 1.0 (RFC 4287): typed text, xml:lang on the feed and every entry, photos as enclosure links. */
import { FEED_MEDIA_TYPES } from '../../model/feed-urls.ts'
import { rfc3339 } from './feed-dates.ts'
import type { FeedDocument, FeedItem } from './feed-document.ts'
import { renderedOnce } from './feed-item-memo.ts'
import { FH_NAMESPACE, navigationLinks } from './feed-paging-links.ts'

/** RFC 6721 tombstones. */
const TOMBSTONE_NAMESPACE = 'http://purl.org/atompub/tombstones/1.0'

import { xmlElement, xmlText } from './xml-text.ts'

function author(name: string): string {
  return xmlElement('author', {}, xmlText('name', name))
}

/** Each remembered item's markup (feed-item-memo.ts). */
const rendered = new WeakMap<FeedItem, string>()

function entry(item: FeedItem): string {
  const parts = [
    xmlText('id', item.id),
    xmlText('title', item.title, { type: 'text' }),
    xmlElement('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    xmlText('published', rfc3339(item.published)),
    xmlText('updated', rfc3339(item.updated)),
    author(item.author),
    ...item.tags.map((t) => xmlElement('category', { term: t })),
    item.summary ? xmlText('summary', item.summary, { type: 'text' }) : '',
    // An item with nothing to show (a gallery whose every photo was refused) has no content rather than an empty
    // one, which the W3C validator flags (NotBlank); its alternate link stands in, as RFC 4287 allows.
    item.contentHtml ? xmlText('content', item.contentHtml, { type: 'html' }) : '',
    // Atom's `length` is optional and the model does not know the byte size: omitted rather than guessed.
    ...item.photos.map((p) =>
      xmlElement('link', {
        rel: 'enclosure',
        type: p.type,
        href: p.url,
        ...(p.bytes === undefined ? {} : { length: p.bytes }),
      }),
    ),
  ]
  return xmlElement('entry', { 'xml:lang': item.lang }, parts.join(''))
}

/** Renders Atom 1.0; every entry carries its own author, so the feed needs none of its own. */
export function renderAtom(doc: FeedDocument): string {
  const parts = [
    xmlText('id', doc.id),
    xmlText('title', doc.title, { type: 'text' }),
    xmlText('subtitle', doc.description, { type: 'text' }),
    xmlText('updated', rfc3339(doc.updated)),
    ...(doc.categories ?? []).map((c) =>
      xmlElement('category', {
        term: c.term,
        ...(c.scheme ? { scheme: c.scheme } : {}),
        ...(c.label ? { label: c.label } : {}),
      }),
    ),
    xmlElement('link', { rel: 'alternate', type: 'text/html', href: doc.homeUrl }),
    xmlElement('link', { rel: 'self', type: FEED_MEDIA_TYPES.atom, href: doc.self.atom }),
    doc.hub ? xmlElement('link', { rel: 'hub', href: doc.hub }) : '',
    ...navigationLinks(doc, 'atom').map((l) =>
      xmlElement('link', { rel: l.rel, type: FEED_MEDIA_TYPES.atom, href: l.href }),
    ),
    xmlText('icon', doc.icons.favicon.url),
    xmlText('logo', doc.icons.logo.url),
    xmlText('generator', doc.generator.name, { uri: doc.generator.url }),
    doc.archive?.isArchive ? xmlElement('fh:archive', {}) : '',
    ...doc.items.map((i) => renderedOnce(i, rendered, entry)),
    ...(doc.deleted ?? []).map((d) => xmlElement('at:deleted-entry', { ref: d.id, when: rfc3339(d.when) })),
  ]
  const attrs = {
    xmlns: 'http://www.w3.org/2005/Atom',
    ...(doc.archive?.isArchive ? { 'xmlns:fh': FH_NAMESPACE } : {}),
    ...(doc.deleted ? { 'xmlns:at': TOMBSTONE_NAMESPACE } : {}),
    'xml:lang': doc.lang,
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement('feed', attrs, parts.join(''))}\n`
}
