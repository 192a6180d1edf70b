/** Parses an Article from unknown data (a KV value), never trusting its shape. */
import {
  type Article,
  type ArticleHeader,
  type Correction,
  CREDIT_ROLES,
  type Credit,
  type Photo,
  type Rendition,
  type Section,
} from './article.ts'
import { ModelError } from './model-error.ts'
import { arr, date, int, type Obj, obj, oneOf, optStr, str } from './read-fields.ts'
import { isPageUrl, isPhotoSrc } from './safe-urls.ts'

/** Slugs and section ids: lowercase ASCII letters, digits and inner hyphens. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/

function slugLike(v: string, path: string): string {
  if (!SLUG.test(v)) throw new ModelError(path, 'expected a slug of a-z, 0-9 and -')
  return v
}

export function parseCredit(value: unknown, path: string): Credit {
  const o = obj(value, path)
  return { role: oneOf(o, 'role', path, CREDIT_ROLES), name: str(o, 'name', path) }
}

/** A credit with the person's id (content/people.md), as article values carry it; the widget needs no id. */
function parsePersonCredit(value: unknown, path: string): Credit {
  const id = optStr(obj(value, path), 'id', path)
  const credit = parseCredit(value, path)
  return id === undefined ? credit : { ...credit, id: slugLike(id, `${path}.id`) }
}

export function parseCorrection(value: unknown, path: string): Correction {
  const o = obj(value, path)
  return { date: date(o, 'date', path), text: str(o, 'text', path) }
}

/** An optional list of corrections: absent or empty gives nothing, so values without them read as before. */
function corrections(o: Obj, path: string): { corrections?: Correction[] } {
  const list = o.corrections === undefined ? [] : arr(o, 'corrections', path, parseCorrection)
  return list.length > 0 ? { corrections: list } : {}
}

export function parseRendition(value: unknown, path: string): Rendition {
  const o = obj(value, path)
  return {
    src: str(o, 'src', path),
    type: str(o, 'type', path),
    width: int(o, 'width', path, 1),
    height: int(o, 'height', path, 1),
    bytes: int(o, 'bytes', path, 1),
  }
}

export function parsePhoto(value: unknown, path: string): Photo {
  const o = obj(value, path)
  // Values published before renditions existed have none: they still render from `src`.
  const renditions = o.renditions === undefined ? [] : arr(o, 'renditions', path, parseRendition)
  return {
    src: str(o, 'src', path),
    type: str(o, 'type', path),
    width: int(o, 'width', path, 1),
    height: int(o, 'height', path, 1),
    renditions: renditions.filter((r) => isPhotoSrc(r.src)),
    alt: str(o, 'alt', path),
    caption: str(o, 'caption', path),
    credit: parsePersonCredit(o.credit, `${path}.credit`),
  }
}

const strings = (v: unknown, p: string): string => {
  if (typeof v !== 'string') throw new ModelError(p, 'expected a string')
  return v
}

/** The photos of a list whose source the model allows; a `javascript:` or `data:` source drops its photo. */
export function safePhotos(o: Record<string, unknown>, key: string, path: string): Photo[] {
  return arr(o, key, path, parsePhoto).filter((p) => isPhotoSrc(p.src))
}

/** The canonical URL when it is absolute http(s); any other value is dropped (the article's own page is used). */
export function safeCanonical(o: Record<string, unknown>, path: string): string | undefined {
  const canonical = optStr(o, 'canonical', path)
  return canonical !== undefined && isPageUrl(canonical) ? canonical : undefined
}

export function parseSection(value: unknown, path: string): Section {
  const o = obj(value, path)
  const was = o.was === undefined ? [] : arr(o, 'was', path, (v, p) => slugLike(strings(v, p), p))
  return {
    id: slugLike(str(o, 'id', path), `${path}.id`),
    ...(was.length > 0 ? { was } : {}),
    heading: str(o, 'heading', path),
    paragraphs: arr(o, 'paragraphs', path, strings),
    photos: safePhotos(o, 'photos', path),
    updated: date(o, 'updated', path),
    ...corrections(o, path),
  }
}

/** Topic ids beside the tags; a list that does not pair with the tags is dropped (tags then link nowhere). */
function topics(o: Obj, path: string): { topics?: string[] } {
  if (o.topics === undefined) return {}
  const ids = arr(o, 'topics', path, (v, p) => slugLike(strings(v, p), p))
  const tags = Array.isArray(o.tags) ? o.tags.length : -1
  return ids.length === tags && ids.length > 0 ? { topics: ids } : {}
}

/** The fields every article-like value shares (see ArticleHeader); unsafe canonical URLs are dropped. */
export function parseArticleHeader(o: Obj, path: string): ArticleHeader {
  const dek = optStr(o, 'dek', path)
  const canonical = safeCanonical(o, path)
  const contributors = o.contributors === undefined ? [] : arr(o, 'contributors', path, parsePersonCredit)
  return {
    slug: slugLike(str(o, 'slug', path), `${path}.slug`),
    title: str(o, 'title', path),
    ...(dek === undefined ? {} : { dek }),
    lang: str(o, 'lang', path),
    byline: parsePersonCredit(o.byline, `${path}.byline`),
    ...(contributors.length > 0 ? { contributors } : {}),
    published: date(o, 'published', path),
    ...(canonical === undefined ? {} : { canonical }),
    tags: arr(o, 'tags', path, strings),
    ...topics(o, path),
    ...corrections(o, path),
  }
}

export function parseArticle(value: unknown, path = 'article'): Article {
  const o = obj(value, path)
  return {
    ...parseArticleHeader(o, path),
    updated: date(o, 'updated', path),
    lede: arr(o, 'lede', path, strings),
    sections: arr(o, 'sections', path, parseSection),
    photos: safePhotos(o, 'photos', path),
    ...(o.galleryUpdated === undefined ? {} : { galleryUpdated: date(o, 'galleryUpdated', path) }),
  }
}
