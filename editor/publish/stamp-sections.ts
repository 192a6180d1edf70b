/** Section times: an edited section gets the publish time, an unchanged one keeps the time it had (README "Section times"). */
import type { DraftArticle, DraftSection } from '../content/draft.ts'
import type { PublishState } from './kv-entry.ts'

/** RFC 3339 for `now`, written in the same UTC offset as `like` (e.g. +08:00), so a newsroom's times read naturally. */
export function formatInOffsetOf(now: Date, like: string): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(like)
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
  const shifted = new Date(now.getTime() + minutes * 60_000).toISOString().slice(0, 19)
  return `${shifted}${m ? m[0] : 'Z'}`
}

/**
 * Decides each section's `updated`: the editor's own value wins; otherwise an unchanged section keeps its stamped
 * time, a changed one (or one added to an already published article) gets `now`, and every section of a
 * never-published article gets the article's publication time.
 */
export function stampSection(
  article: DraftArticle,
  section: DraftSection,
  hash: string,
  previous: PublishState,
  articleSeenBefore: boolean,
  now: Date,
): string {
  if (section.updated) return section.updated
  const before = previous.sections[`${article.slug}/${section.id}`]
  if (before && before.hash === hash) return before.updated
  if (!before && !articleSeenBefore) return article.published
  return formatInOffsetOf(now, article.published)
}
