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
 * Which document of the "all" feed `?archive=N` asks for: null without a query (the subscription document), N for
 * archive page N (1 = the oldest); `legacy-page` for the retired `?page=N` URLs (the caller redirects). Anything
 * else is 404.
 */
export function archiveParam(url: URL): number | null | 'legacy-page' {
  if (url.search === '') return null
  const names = [...new Set(url.searchParams.keys())]
  if (names.length === 1 && names[0] === 'page') return 'legacy-page'
  const values = url.searchParams.getAll('archive')
  const [value] = values
  if (names.length !== 1 || values.length !== 1 || value === undefined || !/^[1-9][0-9]{0,6}$/.test(value))
    throw notFound()
  return Number(value)
}

/** `?page=N` (N from 1) of a paged page, or null without a query; any other query is 404. */
export function pageParam(url: URL): number | null {
  if (url.search === '') return null
  const values = url.searchParams.getAll('page')
  const [value] = values
  if ([...url.searchParams.keys()].some((k) => k !== 'page') || values.length !== 1 || value === undefined)
    throw notFound()
  if (!/^[1-9][0-9]{0,6}$/.test(value)) throw notFound()
  return Number(value)
}
