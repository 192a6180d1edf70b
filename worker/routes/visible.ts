/** What readers may see at the request's time: embargoed articles are stored but answered as absent (404). */
import { embargoView, isPublishedBy, servedVersion } from '../../model/embargo.ts'
import { newest } from '../../model/newest.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import { notFound } from '../http/status-error.ts'
import type { ArticleListPage } from '../render/article-list-page.ts'
import type { AllFeedPage } from '../render/feed-document.ts'

/** A list as readers see it now, and when that stops being true (the next embargo to lift), if ever. */
export interface Visible<T> {
  value: T
  freshUntil?: number
}

/** The article when its `published` time has come; a 404 before, exactly as if it were not there. */
export function visibleArticle(value: ArticleValue, now: number): ArticleValue {
  if (!isPublishedBy(value.article.published, now)) throw notFound()
  return value
}

/** An article list without embargoed articles, its version and time as of `now`. */
export function visibleIndex(list: ArticleListPage, now: number): Visible<ArticleListPage> {
  const { visible, hidden, nextLift } = embargoView(list.articles, (a) => a.published, now)
  if (hidden === 0) return { value: list }
  const updated = newest(visible.map((a) => a.updated)) ?? null
  const value = { ...list, version: servedVersion(list.version, hidden), updated, articles: visible }
  return { value, ...(nextLift === undefined ? {} : { freshUntil: nextLift }) }
}

/** A document of "all" without the items of embargoed articles (tombstones stay), as of `now`. */
export function visibleAllPage(page: AllFeedPage, now: number): Visible<AllFeedPage> {
  const { visible, hidden, nextLift } = embargoView(
    page.entries,
    (e) => ('deleted' in e ? e.deleted.when : e.article.published),
    now,
  )
  if (hidden === 0) return { value: page }
  const updated = newest(visible.map((e) => ('deleted' in e ? e.deleted.when : e.section.updated))) ?? null
  const value = { ...page, version: servedVersion(page.version, hidden), updated, entries: visible }
  return { value, ...(nextLift === undefined ? {} : { freshUntil: nextLift }) }
}
