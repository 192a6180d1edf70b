/** Reads a fetched JSON Feed 1.x (with or without the `_broadsheet` extension) from `unknown` into cards. */
import { CREDIT_ROLES, type CreditRole } from '../model/article.ts'
import { FeedError } from './feed-error.ts'

/** A photo as a card shows it; caption and credit come only from the `_broadsheet` extension. */
export interface CardPhoto {
  url: string
  width?: number
  height?: number
  alt: string
  caption?: string
  credit?: { role: CreditRole; name: string }
}

/** One card: a feed item reduced to what the widget renders. */
export interface Card {
  id: string
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
  title?: string
  language?: string
  cards: Card[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const size = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000 ? v : undefined

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

function parseCredit(v: unknown): CardPhoto['credit'] {
  if (!isObj(v)) return undefined
  const name = text(v.name)
  const role = CREDIT_ROLES.find((r) => r === v.role)
  return name && role ? { role, name } : undefined
}

function parsePhoto(v: unknown, base: string): CardPhoto | undefined {
  if (!isObj(v)) return undefined
  const url = httpUrl(v.url, base)
  if (!url) return undefined
  const credit = parseCredit(v.credit)
  const caption = text(v.caption)
  return {
    url,
    alt: text(v.alt) ?? '',
    ...(size(v.width) && size(v.height) ? { width: size(v.width), height: size(v.height) } : {}),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
  }
}

function parseItem(v: unknown, base: string): Card | undefined {
  if (!isObj(v)) return undefined
  const ext = isObj(v._broadsheet) ? v._broadsheet : {}
  const url = httpUrl(v.url, base) ?? httpUrl(v.external_url, base)
  const title = text(v.title) ?? (isObj(ext.article) ? text(ext.article.title) : undefined)
  if (!url || !title) return undefined
  const photos = Array.isArray(ext.photos) ? ext.photos : []
  const image = httpUrl(v.image, base) ?? httpUrl(v.banner_image, base)
  const photo = parsePhoto(photos[0], base) ?? (image ? { url: image, alt: '' } : undefined)
  const published = text(v.date_published)
  const sectionId = text(ext.section_id)
  return {
    id: text(v.id) ?? url,
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
  const title = text(value.title)
  const language = text(value.language)
  return {
    ...(title ? { title } : {}),
    ...(language ? { language } : {}),
    cards: value.items.flatMap((item) => parseItem(item, feedUrl) ?? []),
  }
}
