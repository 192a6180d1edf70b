/** Parsers for the KV values (see store-values.ts): a value that does not fit throws a ModelError. */
import { parseArticle, parseCredit, parsePhoto, parseSection, safeCanonical } from './parse-article.ts'
import { arr, date, int, type Obj, obj, optStr, str } from './read-fields.ts'
import { isPhotoSrc } from './safe-urls.ts'
import type { AllPageValue, ArticleSummary, ArticleValue, FeedEntry, IndexValue } from './store-values.ts'

const strings = (v: unknown, p: string): string => str({ v }, 'v', p)

function nullableDate(o: Obj, key: string, path: string): string | null {
  return o[key] === null ? null : date(o, key, path)
}

export function parseArticleValue(value: unknown): ArticleValue {
  const o = obj(value, 'value')
  return { version: str(o, 'version', 'value'), article: parseArticle(o.article, 'value.article') }
}

function summaryFields(o: Obj, path: string) {
  const dek = optStr(o, 'dek', path)
  const canonical = safeCanonical(o, path)
  return {
    slug: str(o, 'slug', path),
    title: str(o, 'title', path),
    ...(dek === undefined ? {} : { dek }),
    lang: str(o, 'lang', path),
    byline: parseCredit(o.byline, `${path}.byline`),
    published: date(o, 'published', path),
    updated: date(o, 'updated', path),
    ...(canonical === undefined ? {} : { canonical }),
    tags: arr(o, 'tags', path, strings),
  }
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

export function parseIndexValue(value: unknown): IndexValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    updated: nullableDate(o, 'updated', 'value'),
    articles: arr(o, 'articles', 'value', parseArticleSummary),
  }
}

function parseFeedEntry(value: unknown, path: string): FeedEntry {
  const o = obj(value, path)
  return {
    article: summaryFields(obj(o.article, `${path}.article`), `${path}.article`),
    section: parseSection(o.section, `${path}.section`),
  }
}

export function parseAllPageValue(value: unknown): AllPageValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    page: int(o, 'page', 'value', 1),
    pages: int(o, 'pages', 'value', 1),
    updated: nullableDate(o, 'updated', 'value'),
    items: arr(o, 'items', 'value', parseFeedEntry),
  }
}
