/** Parsers for the KV values (see store-values.ts): a value that does not fit throws a ModelError. */
import { parseArticle, parseArticleHeader, parsePhoto, parseSection } from './parse-article.ts'
import { arr, date, int, type Obj, obj, str } from './read-fields.ts'
import { isPhotoSrc } from './safe-urls.ts'
import type { AllPageValue, ArticleSummary, ArticleValue, FeedEntry, IndexValue } from './store-values.ts'

function nullableDate(o: Obj, key: string, path: string): string | null {
  return o[key] === null ? null : date(o, key, path)
}

export function parseArticleValue(value: unknown): ArticleValue {
  const o = obj(value, 'value')
  return { version: str(o, 'version', 'value'), article: parseArticle(o.article, 'value.article') }
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
  const article = summaryFields(obj(o.article, `${path}.article`), `${path}.article`)
  const section = parseSection(o.section, `${path}.section`)
  const s = obj(o.section, `${path}.section`)
  // Pages written before items had their own reading-order time fall back to the article's.
  const published = s.published === undefined ? article.published : date(s, 'published', `${path}.section`)
  return { article, section: { ...section, published } }
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
