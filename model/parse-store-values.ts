/** Parsers for the KV values (see store-values.ts): a value that does not fit throws a ModelError. */
import { ModelError } from './model-error.ts'
import { parseArticle, parseArticleHeader, parsePhoto, parseSection, SLUG } from './parse-article.ts'
import { date, int, type Obj, obj, oneOf, optStr, str } from './read-fields.ts'
import { isPhotoSrc } from './safe-urls.ts'
import type {
  ArticleHistory,
  ArticleSummary,
  ArticleValue,
  DirectoryEntry,
  DirectoryPageValue,
  FeedArchiveValue,
  FeedHeadValue,
  FeedLogEntry,
  IndexEntry,
  IndexHeadValue,
  IndexPageValue,
  StoredArticle,
  SubjectFeedArchiveValue,
  SubjectFeedHeadValue,
} from './store-values.ts'
import { UNSIZED_FEED_PAGE_SIZE } from './store-values.ts'
import { MEDTOP, type SubjectInfo, type SubjectKind } from './subject.ts'

function nullableDate(o: Obj, key: string, path: string): string | null {
  return o[key] === null ? null : date(o, key, path)
}

/**
 * The usable entries of an aggregate's list. One unusable entry is dropped with one log line, never the whole
 * value: a bad date in one article must not take the home page or the "all" feed down.
 */
function entries<T>(o: Obj, key: string, path: string, item: (v: unknown, p: string) => T): T[] {
  const v = o[key]
  if (!Array.isArray(v)) throw new ModelError(`${path}.${key}`, 'expected an array')
  const kept: T[] = []
  v.forEach((x, i) => {
    try {
      kept.push(item(x, `${path}.${key}[${i}]`))
    } catch (e) {
      if (!(e instanceof ModelError)) throw e
      console.log(`dropped an unusable entry: ${e.message}`)
    }
  })
  return kept
}

function slug(o: Obj, key: string, path: string): string {
  const v = str(o, key, path)
  if (!SLUG.test(v)) throw new ModelError(`${path}.${key}`, 'expected a slug')
  return v
}

function record<T>(o: Obj, key: string, path: string, item: (v: unknown, p: string) => T): Record<string, T> {
  const r = obj(o[key], `${path}.${key}`)
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, item(v, `${path}.${key}.${k}`)]))
}

function strings(o: Obj, key: string, path: string): string[] {
  const v = o[key]
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new ModelError(`${path}.${key}`, 'expected a list of strings')
  return v
}

const position = (v: unknown, p: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ModelError(p, 'expected a position')
  return v
}

/** The publisher's history of an article (inside its value or under `v2:history:{slug}`). */
function galleryRecord(value: unknown, path: string): { hash: string; updated?: string } {
  const o = obj(value, path)
  return {
    hash: str(o, 'hash', path),
    ...(o.updated === undefined ? {} : { updated: date(o, 'updated', path) }),
  }
}

export function parseArticleHistory(value: unknown, path = 'history'): ArticleHistory {
  const o = obj(value, path)
  return {
    published: date(o, 'published', path),
    sources: strings(o, 'sources', path),
    sections: record(o, 'sections', path, (v, p) => {
      const s = obj(v, p)
      return { hash: str(s, 'hash', p), updated: date(s, 'updated', p) }
    }),
    newest: date(o, 'newest', path),
    slot: int(o, 'slot', path),
    items: record(o, 'items', path, position),
    media: strings(o, 'media', path),
    photos: o.photos === undefined ? [] : strings(o, 'photos', path),
    ...(o.lede === undefined ? {} : { lede: str(o, 'lede', path) }),
    ...(o.gallery === undefined ? {} : { gallery: galleryRecord(o.gallery, `${path}.gallery`) }),
    ...(o.topics === undefined ? {} : { topics: record(o, 'topics', path, positions) }),
    ...(o.people === undefined ? {} : { people: record(o, 'people', path, positions) }),
  }
}

/** Section id → position, for one subject's log. */
const positions = (v: unknown, p: string): Record<string, number> => record({ v }, 'v', p, position)

export function parseArticleValue(value: unknown): ArticleValue {
  const o = obj(value, 'value')
  return { version: str(o, 'version', 'value'), article: parseArticle(o.article, 'value.article') }
}

/** An article key's value: a live article, a withdrawal (410) or an alias (301). */
export function parseStoredArticle(value: unknown): StoredArticle {
  const o = obj(value, 'value')
  const version = str(o, 'version', 'value')
  if (o.gone !== undefined) {
    const g = obj(o.gone, 'value.gone')
    return {
      kind: 'gone',
      value: {
        version,
        gone: {
          slug: slug(g, 'slug', 'value.gone'),
          withdrawn: date(g, 'withdrawn', 'value.gone'),
          reason: str(g, 'reason', 'value.gone'),
        },
      },
    }
  }
  if (o.moved !== undefined)
    return {
      kind: 'moved',
      value: { version, moved: { to: slug(obj(o.moved, 'value.moved'), 'to', 'value.moved') } },
    }
  return { kind: 'article', value: parseArticleValue(value) }
}

/** The history kept inside an article key's value, if it has a usable one. */
export function historyInValue(value: unknown): ArticleHistory | null {
  try {
    return parseArticleHistory(obj(value, 'value').history, 'value.history')
  } catch (e) {
    if (e instanceof ModelError) return null
    throw e
  }
}

function summaryFields(o: Obj, path: string) {
  return { ...parseArticleHeader(o, path), updated: date(o, 'updated', path) }
}

export function parseArticleSummary(value: unknown, path: string): ArticleSummary {
  const o = obj(value, path)
  const photo = o.photo === undefined ? undefined : parsePhoto(o.photo, `${path}.photo`)
  return {
    ...summaryFields(o, path),
    sectionCount: int(o, 'sectionCount', path),
    ...(photo === undefined || !isPhotoSrc(photo.src) ? {} : { photo }),
  }
}

function parseIndexEntry(value: unknown, path: string): IndexEntry {
  return { ...parseArticleSummary(value, path), n: int(obj(value, path), 'n', path) }
}

function parseFeedLogEntry(value: unknown, path: string): FeedLogEntry {
  const o = obj(value, path)
  const n = int(o, 'n', path)
  if (o.deleted !== undefined) {
    const d = obj(o.deleted, `${path}.deleted`)
    const p = `${path}.deleted`
    return {
      n,
      deleted: {
        slug: slug(d, 'slug', p),
        published: date(d, 'published', p),
        sectionId: slug(d, 'sectionId', p),
        when: date(d, 'when', p),
      },
    }
  }
  const article = summaryFields(obj(o.article, `${path}.article`), `${path}.article`)
  const section = parseSection(o.section, `${path}.section`)
  const s = obj(o.section, `${path}.section`)
  // Items written before they had their own reading-order time fall back to the article's.
  const published = s.published === undefined ? article.published : date(s, 'published', `${path}.section`)
  return { n, article, section: { ...section, published } }
}

export function parseFeedHeadValue(value: unknown): FeedHeadValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    updated: nullableDate(o, 'updated', 'value'),
    archived: int(o, 'archived', 'value'),
    next: int(o, 'next', 'value'),
    size: o.size === undefined ? UNSIZED_FEED_PAGE_SIZE : int(o, 'size', 'value', 1),
    items: entries(o, 'items', 'value', parseFeedLogEntry),
  }
}

export function parseFeedArchiveValue(value: unknown): FeedArchiveValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    page: int(o, 'page', 'value', 1),
    updated: nullableDate(o, 'updated', 'value'),
    items: entries(o, 'items', 'value', parseFeedLogEntry),
  }
}

export function parseIndexHeadValue(value: unknown): IndexHeadValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    updated: nullableDate(o, 'updated', 'value'),
    pages: int(o, 'pages', 'value'),
    next: int(o, 'next', 'value'),
    articles: entries(o, 'articles', 'value', parseIndexEntry),
    ...(o.topics === undefined
      ? {}
      : {
          topics: entries(o, 'topics', 'value', (v, p) => {
            const t = obj(v, p)
            return { id: slug(t, 'id', p), name: str(t, 'name', p) }
          }),
        }),
  }
}

export function parseIndexPageValue(value: unknown): IndexPageValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    page: int(o, 'page', 'value', 1),
    updated: nullableDate(o, 'updated', 'value'),
    articles: entries(o, 'articles', 'value', parseIndexEntry),
  }
}

const SUBJECT_KINDS = ['topic', 'person'] as const satisfies readonly SubjectKind[]

/** A topic or person as a value names it; a medtop code that is not one is dropped. */
export function parseSubjectInfo(value: unknown, path: string): SubjectInfo {
  const o = obj(value, path)
  const medtop = optStr(o, 'medtop', path)
  const description = optStr(o, 'description', path)
  return {
    kind: oneOf(o, 'kind', path, SUBJECT_KINDS),
    id: slug(o, 'id', path),
    name: str(o, 'name', path),
    ...(medtop !== undefined && MEDTOP.test(medtop) ? { medtop } : {}),
    ...(description === undefined ? {} : { description }),
  }
}

export function parseSubjectFeedHeadValue(value: unknown): SubjectFeedHeadValue {
  return {
    ...parseFeedHeadValue(value),
    subject: parseSubjectInfo(obj(value, 'value').subject, 'value.subject'),
  }
}

export function parseSubjectFeedArchiveValue(value: unknown): SubjectFeedArchiveValue {
  return {
    ...parseFeedArchiveValue(value),
    subject: parseSubjectInfo(obj(value, 'value').subject, 'value.subject'),
  }
}

function parseDirectoryEntry(value: unknown, path: string): DirectoryEntry {
  return { ...parseSubjectInfo(value, path), updated: nullableDate(obj(value, path), 'updated', path) }
}

export function parseDirectoryPageValue(value: unknown): DirectoryPageValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    page: int(o, 'page', 'value', 1),
    pages: int(o, 'pages', 'value', 1),
    entries: entries(o, 'entries', 'value', parseDirectoryEntry),
  }
}
