/** A strict structural check of JSON Feed 1.1 (jsonfeed.org/version/1.1): feedparser does not read JSON Feed. */

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const FEED_KEYS = [
  'version',
  'title',
  'home_page_url',
  'feed_url',
  'description',
  'user_comment',
  'next_url',
  'icon',
  'favicon',
  'authors',
  'language',
  'expired',
  'hubs',
  'items',
]
const ITEM_KEYS = [
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'tags',
  'language',
  'attachments',
]
const URL_KEYS = [
  'home_page_url',
  'feed_url',
  'next_url',
  'icon',
  'favicon',
  'url',
  'external_url',
  'image',
  'banner_image',
]

type Obj = Record<string, unknown>

function fail(path: string, what: string): never {
  throw new Error(`${path}: ${what}`)
}

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object')
  return Object.fromEntries(Object.entries(value))
}

function known(o: Obj, keys: readonly string[], path: string): void {
  for (const key of Object.keys(o))
    if (!key.startsWith('_') && !keys.includes(key)) fail(`${path}.${key}`, 'not a JSON Feed 1.1 key')
}

function strings(o: Obj, path: string): void {
  for (const [key, v] of Object.entries(o)) {
    if (key.startsWith('_') || v === undefined) continue
    if (URL_KEYS.includes(key) && (typeof v !== 'string' || !/^https?:\/\//.test(v)))
      fail(`${path}.${key}`, 'expected an absolute URL')
  }
}

function authors(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length === 0) fail(path, 'expected a non-empty array')
  value.forEach((a, i) => {
    const o = object(a, `${path}[${i}]`)
    if (typeof o.name !== 'string' || !o.name) fail(`${path}[${i}].name`, 'expected a name')
  })
}

function item(value: unknown, path: string): void {
  const o = object(value, path)
  known(o, ITEM_KEYS, path)
  strings(o, path)
  if (typeof o.id !== 'string' || !o.id) fail(`${path}.id`, 'expected a non-empty string')
  if (typeof o.content_html !== 'string' && typeof o.content_text !== 'string')
    fail(path, 'needs content_html or content_text')
  for (const key of ['date_published', 'date_modified'])
    if (o[key] !== undefined && (typeof o[key] !== 'string' || !RFC3339.test(o[key])))
      fail(`${path}.${key}`, 'expected RFC 3339')
  if (o.authors !== undefined) authors(o.authors, `${path}.authors`)
  if ('author' in o) fail(`${path}.author`, 'JSON Feed 1.0 key')
  if (o.tags !== undefined && (!Array.isArray(o.tags) || !o.tags.every((t) => typeof t === 'string')))
    fail(`${path}.tags`, 'expected strings')
  if (o.attachments !== undefined) {
    if (!Array.isArray(o.attachments)) fail(`${path}.attachments`, 'expected an array')
    o.attachments.forEach((a, i) => {
      const att = object(a, `${path}.attachments[${i}]`)
      if (typeof att.url !== 'string' || !/^https?:\/\//.test(att.url))
        fail(`${path}.attachments[${i}].url`, 'expected an absolute URL')
      if (typeof att.mime_type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(att.mime_type))
        fail(`${path}.attachments[${i}].mime_type`, 'expected a MIME type')
    })
  }
}

/** Throws with the path of the first thing that is not JSON Feed 1.1. */
export function assertJsonFeed11(value: unknown): void {
  const feed = object(value, 'feed')
  known(feed, FEED_KEYS, 'feed')
  strings(feed, 'feed')
  if (feed.version !== 'https://jsonfeed.org/version/1.1') fail('feed.version', 'expected the 1.1 URL')
  if (typeof feed.title !== 'string' || !feed.title) fail('feed.title', 'expected a non-empty string')
  if ('author' in feed) fail('feed.author', 'JSON Feed 1.0 key')
  if (feed.authors !== undefined) authors(feed.authors, 'feed.authors')
  if (feed.hubs !== undefined) {
    if (!Array.isArray(feed.hubs)) fail('feed.hubs', 'expected an array')
    feed.hubs.forEach((h, i) => {
      const hub = object(h, `feed.hubs[${i}]`)
      if (typeof hub.type !== 'string' || typeof hub.url !== 'string')
        fail(`feed.hubs[${i}]`, 'expected type and url')
    })
  }
  if (!Array.isArray(feed.items)) fail('feed.items', 'expected an array')
  const ids = new Set<unknown>()
  feed.items.forEach((it, i) => {
    item(it, `feed.items[${i}]`)
    const id = object(it, '').id
    if (ids.has(id)) fail(`feed.items[${i}].id`, 'duplicate id')
    ids.add(id)
  })
}
