/** Validation of path and query parameters: anything outside the URL contract is a 404, never a KV read. */

import { SLUG } from '../../model/parse-article.ts'
import { notFound } from '../http/status-error.ts'

/** The slug in a raw path segment (`[a-z0-9-]`, <= 80 chars); `%2F`, `..` or anything else is 404. */
export function slugParam(params: Readonly<Record<string, string | undefined>>, name = 'slug'): string {
  const value = params[name]
  if (value === undefined || !SLUG.test(value)) throw notFound()
  return value
}

/**
 * The "all" feed page from `?page=N`: absent → 1; `1` is only ever addressed without a query (the caller
 * redirects); anything but one plain positive integer is 404.
 */
export function pageParam(url: URL): number | 'canonical-redirect' {
  const values = url.searchParams.getAll('page')
  if (values.length === 0) return 1
  const [value] = values
  if (values.length > 1 || value === undefined || !/^[1-9][0-9]{0,5}$/.test(value)) throw notFound()
  const page = Number(value)
  return page === 1 ? 'canonical-redirect' : page
}
