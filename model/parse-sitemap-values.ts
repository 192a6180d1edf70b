/** Parsers for the sitemap values (sitemap-values.ts): a value that does not fit throws a ModelError. */
import { ModelError } from './model-error.ts'
import { SLUG } from './parse-article.ts'
import { arr, date, int, type Obj, obj, str } from './read-fields.ts'
import { isPhotoSrc } from './safe-urls.ts'
import type {
  NewsArticle,
  SitemapArticle,
  SitemapIndexValue,
  SitemapPartSummary,
  SitemapPartValue,
} from './sitemap-values.ts'

function slug(o: Obj, key: string, path: string): string {
  const v = str(o, key, path)
  if (!SLUG.test(v)) throw new ModelError(`${path}.${key}`, 'expected a slug')
  return v
}

/** A photo source (a site path or an absolute https URL): what image:loc may name. */
function image(v: unknown, path: string): string {
  if (typeof v !== 'string' || !isPhotoSrc(v)) throw new ModelError(path, 'expected a photo source')
  return v
}

function parseSitemapArticle(value: unknown, path: string): SitemapArticle {
  const o = obj(value, path)
  return {
    n: int(o, 'n', path),
    slug: slug(o, 'slug', path),
    published: date(o, 'published', path),
    updated: date(o, 'updated', path),
    sections: arr(o, 'sections', path, (v, p) => {
      const s = obj(v, p)
      return { id: slug(s, 'id', p), updated: date(s, 'updated', p) }
    }),
    images: arr(o, 'images', path, image),
  }
}

export function parseSitemapPartValue(value: unknown): SitemapPartValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    page: int(o, 'page', 'value', 1),
    articles: arr(o, 'articles', 'value', parseSitemapArticle),
  }
}

function parsePartSummary(value: unknown, path: string): SitemapPartSummary {
  const o = obj(value, path)
  return {
    page: int(o, 'page', path, 1),
    // Values written before parts had pieces: one piece each.
    piece: o.piece === undefined ? 1 : int(o, 'piece', path, 1),
    count: int(o, 'count', path),
    updated: o.updated === null ? null : date(o, 'updated', path),
    scheduled: arr(o, 'scheduled', path, (v, p) => {
      const s = obj(v, p)
      return { slug: slug(s, 'slug', p), published: date(s, 'published', p), updated: date(s, 'updated', p) }
    }),
  }
}

function parseNewsArticle(value: unknown, path: string): NewsArticle {
  const o = obj(value, path)
  return {
    slug: slug(o, 'slug', path),
    title: str(o, 'title', path),
    lang: str(o, 'lang', path),
    published: date(o, 'published', path),
  }
}

export function parseSitemapIndexValue(value: unknown): SitemapIndexValue {
  const o = obj(value, 'value')
  return {
    version: str(o, 'version', 'value'),
    parts: arr(o, 'parts', 'value', parsePartSummary),
    news: arr(o, 'news', 'value', parseNewsArticle),
  }
}
