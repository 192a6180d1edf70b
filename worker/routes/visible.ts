/** What readers may see at the request's time: embargoed articles are stored but answered as absent (404). */
import { embargoView, isPublishedBy, servedVersion } from '../../model/embargo.ts'
import { newest } from '../../model/newest.ts'
import type { AllPageValue, ArticleValue, IndexValue } from '../../model/store-values.ts'
import { notFound } from '../http/status-error.ts'

/** A list as readers see it now, and when that stops being true (the next embargo to lift), if ever. */
export interface Visible<T> {
  value: T
  freshUntil?: number
}

/** The article when its `published` time has come; a 404 before, exactly as if it were not there. */
export function visibleArticle(value: ArticleValue | null, now: number): ArticleValue {
  if (value === null || !isPublishedBy(value.article.published, now)) throw notFound()
  return value
}

/** The index without embargoed articles, its version and time as of `now`. */
export function visibleIndex(index: IndexValue, now: number): Visible<IndexValue> {
  const { visible, hidden, nextLift } = embargoView(index.articles, (a) => a.published, now)
  if (hidden === 0) return { value: index }
  const updated = newest(visible.map((a) => a.updated)) ?? null
  const value = { ...index, version: servedVersion(index.version, hidden), updated, articles: visible }
  return { value, ...(nextLift === undefined ? {} : { freshUntil: nextLift }) }
}

/** An "all" page without the sections of embargoed articles, its version and time as of `now`. */
export function visibleAllPage(page: AllPageValue, now: number): Visible<AllPageValue> {
  const { visible, hidden, nextLift } = embargoView(page.items, (i) => i.article.published, now)
  if (hidden === 0) return { value: page }
  const updated = newest(visible.map((i) => i.section.updated)) ?? null
  const value = { ...page, version: servedVersion(page.version, hidden), updated, items: visible }
  return { value, ...(nextLift === undefined ? {} : { freshUntil: nextLift }) }
}
