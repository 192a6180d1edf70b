/** JSON Feed 1.1 with the `_broadsheet` item extension that the widget reads. */
import {
  BROADSHEET_EXTENSION_KEY,
  type BroadsheetExtension,
  WIDGET_RENDITION_TYPE,
} from '../../model/broadsheet-extension.ts'
import { rfc3339 } from './feed-dates.ts'
import type { FeedDocument, FeedItem } from './feed-document.ts'
import type { FeedPhoto } from './feed-photo.ts'
import { cleanText } from './xml-text.ts'

/** The JSON Feed version this renderer writes (1.1: `authors`, `language`; the `feed` package writes 1.0). */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

/** A photo as a JSON Feed attachment; the title (caption, else alt text) is left out when there is none. */
function attachment(photo: FeedPhoto) {
  const title = photo.caption.trim() || photo.alt.trim()
  return {
    url: photo.url,
    mime_type: photo.type,
    ...(title ? { title } : {}),
    ...(photo.bytes === undefined ? {} : { size_in_bytes: photo.bytes }),
  }
}

/** The `_broadsheet` extension of an item (model/broadsheet-extension.ts defines it; the widget reads it). */
function extension(entry: FeedItem): BroadsheetExtension {
  return {
    section_id: entry.sectionId,
    article: entry.article,
    photos: entry.photos.map((p) => ({
      url: p.url,
      width: p.width,
      height: p.height,
      alt: p.alt,
      caption: p.caption,
      credit: { role: p.credit.role, name: p.credit.name },
      credit_line: p.creditLine,
      // WebP only: what the widget's srcset uses; listing all fifteen renditions tripled a 20-item page.
      renditions: p.renditions
        .filter((r) => r.type === WIDGET_RENDITION_TYPE)
        .map((r) => ({ url: r.url, type: r.type, width: r.width, height: r.height })),
    })),
  }
}

function item(entry: FeedItem) {
  const first = entry.photos[0]
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    content_html: entry.contentHtml,
    ...(entry.summary ? { summary: entry.summary } : {}),
    ...(first ? { image: first.url } : {}),
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    authors: [{ name: entry.author }],
    ...(entry.tags.length ? { tags: entry.tags } : {}),
    language: entry.lang,
    ...(entry.photos.length
      ? {
          attachments: entry.photos.map(attachment),
        }
      : {}),
    [BROADSHEET_EXTENSION_KEY]: extension(entry),
  }
}

/** Strings pass the same hygiene as XML text, so a widget never meets a control or bidi override character. */
function clean(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? cleanText(value) : value
}

/** Renders JSON Feed 1.1; `next_url` walks the "all" feed's archive back (JSON Feed has no other paging links). */
export function renderJsonFeed(doc: FeedDocument): string {
  const next = doc.archive?.prevArchive?.json
  const feed = {
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.self.json,
    description: doc.description,
    icon: doc.icons.logo.url,
    favicon: doc.icons.favicon.url,
    language: doc.lang,
    ...(doc.author ? { authors: [{ name: doc.author }] } : {}),
    ...(next ? { next_url: next } : {}),
    ...(doc.hub ? { hubs: [{ type: 'WebSub', url: doc.hub }] } : {}),
    items: doc.items.map(item),
  }
  return JSON.stringify(feed, clean)
}
