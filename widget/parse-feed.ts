/** Reads a fetched JSON Feed 1.x (with or without the `_broadsheet` extension) from `unknown` into cards. */
import type { CreditRole } from '../model/article.ts'
import {
  BROADSHEET_EXTENSION_KEY,
  type BroadsheetExtension,
  type BroadsheetPhoto,
  parseBroadsheetExtension,
  WIDGET_RENDITION_TYPE,
} from '../model/broadsheet-extension.ts'
import { FeedError } from './feed-error.ts'

/** A photo as a card shows it; caption and credit come only from the `_broadsheet` extension. */
export interface CardPhoto {
  url: string
  /** `srcset` of the WebP renditions in the `_broadsheet` extension: the browser picks the size. */
  srcset?: string
  width?: number
  height?: number
  alt: string
  caption?: string
  credit?: { role: CreditRole; name: string }
  /** The credit as the feed prints it in its language (`記者 石亮 攝`): a Chinese UI shows it as given. */
  line?: string
}

/** One card: a feed item reduced to what the widget renders. */
export interface Card {
  url: string
  title: string
  excerpt: string
  /** RFC 3339 as the feed gave it. */
  published?: string
  sectionId?: string
  photo?: CardPhoto
}

/** The feed as the widget needs it. */
export interface CardFeed {
  language?: string
  cards: Card[]
}

/** Sizes above this are not a photo's (the model already requires whole numbers >= 1). */
const MAX_SIZE = 100_000

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** Only http(s) URLs, resolved against the feed: a hostile feed must not smuggle `javascript:` into a link. */
function httpUrl(v: unknown, base: string): string | undefined {
  const s = text(v)
  if (!s) return undefined
  try {
    const url = new URL(s, base)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Plain text from HTML without running it: DOMParser documents are inert (no scripts, no image loads). */
function htmlText(v: unknown): string | undefined {
  const s = text(v)
  return s && text(new DOMParser().parseFromString(s, 'text/html').body.textContent)
}

/**
 * The item's `_broadsheet` extension, parsed by the model's parser; an item without one (any JSON Feed) or with one
 * that does not parse is shown from its standard JSON Feed fields alone.
 */
function extensionOf(item: Obj): BroadsheetExtension | undefined {
  try {
    return parseBroadsheetExtension(item[BROADSHEET_EXTENSION_KEY])
  } catch {
    // The parser throws only ModelError; any failure here means "no usable extension".
    return undefined
  }
}

/** A photo from the extension, as a card shows it: only an http(s) URL, only sizes a layout can use. */
function cardPhoto(p: BroadsheetPhoto | undefined, base: string): CardPhoto | undefined {
  const url = p && httpUrl(p.url, base)
  if (!p || !url) return undefined
  const name = text(p.credit.name)
  const caption = text(p.caption)
  // WebP: every browser a partner page meets decodes it, and it is far smaller than JPEG (AVIF would need
  // a <picture>, more bytes of widget than it saves on a few cards).
  let srcset = ''
  for (const r of p.renditions ?? [])
    if (r.type === WIDGET_RENDITION_TYPE && r.width < MAX_SIZE) {
      const at = httpUrl(r.url, base)
      if (at) srcset += `${srcset && ','}${at} ${r.width}w`
    }
  return {
    url,
    ...(srcset ? { srcset } : {}),
    alt: text(p.alt) ?? '',
    ...(p.width < MAX_SIZE && p.height < MAX_SIZE ? { width: p.width, height: p.height } : {}),
    ...(caption ? { caption } : {}),
    ...(name ? { credit: { role: p.credit.role, name }, line: text(p.credit_line) } : {}),
  }
}

function parseItem(v: unknown, base: string): Card | undefined {
  if (!isObj(v)) return undefined
  const ext = extensionOf(v)
  const url = httpUrl(v.url, base) ?? httpUrl(v.external_url, base)
  const title = text(v.title) ?? text(ext?.article.title)
  if (!url || !title) return undefined
  const image = httpUrl(v.image, base) ?? httpUrl(v.banner_image, base)
  const photo = cardPhoto(ext?.photos[0], base) ?? (image ? { url: image, alt: '' } : undefined)
  const published = text(v.date_published)
  const sectionId = text(ext?.section_id)
  return {
    url,
    title,
    excerpt: text(v.summary) ?? text(v.content_text) ?? htmlText(v.content_html) ?? '',
    ...(published ? { published } : {}),
    ...(sectionId ? { sectionId } : {}),
    ...(photo ? { photo } : {}),
  }
}

/** Parses a JSON Feed; items that cannot become a card (no http(s) link, no title) are left out, not fatal. */
export function parseFeed(value: unknown, feedUrl: string): CardFeed {
  if (!isObj(value) || !text(value.version)?.startsWith('https://jsonfeed.org/version/1'))
    throw new FeedError('not a JSON Feed (no jsonfeed.org version)')
  if (!Array.isArray(value.items)) throw new FeedError('not a JSON Feed (no items array)')
  const language = text(value.language)
  return {
    ...(language ? { language } : {}),
    cards: value.items.flatMap((item) => parseItem(item, feedUrl) ?? []),
  }
}
