/** Section times: an edited section gets the publish time, an unchanged one keeps the time it had (README "Section times"). */

import { formatInOffsetOf } from '../../model/format-in-offset.ts'
import type { ArticleHistory } from '../../model/store-values.ts'
import type { DraftArticle } from '../content/draft.ts'

/**
 * Instants (ms) already used by section times in this publish. Stamps never reuse one: Atom validators flag
 * entries with equal `updated`, and a feed whose items share a time sorts unpredictably in readers.
 */
export type TakenTimes = Set<number>

/** The first free whole second at or after `ms`, written in the offset of `like`; marks it taken. */
function takeTime(ms: number, like: string, taken: TakenTimes): string {
  let t = Math.floor(ms / 1000) * 1000
  while (taken.has(t)) t += 1000
  taken.add(t)
  return formatInOffsetOf(new Date(t), like)
}

/**
 * The `updated` time of every section of `article`, given the section hashes and the article's history (null
 * when it was never published). The editor's own value wins; an unchanged section keeps its stamped time; the
 * sections of a never-published article get its publication time; changed or added sections get the publish
 * time, but never a time at or before the newest stamp the article ever had (a checkout with a slow clock cannot
 * move time backwards). Sections stamped together are a second apart, the first one latest, so that readers
 * sorting newest first still show them in reading order. `ledeChanged` counts the first section as changed (the
 * lede opens its item).
 */
export function stampSections(
  article: DraftArticle,
  hashes: readonly string[],
  history: ArticleHistory | null,
  now: Date,
  taken: TakenTimes,
  ledeChanged = false,
): string[] {
  const kept = article.sections.map((s, i) => {
    if (s.updated) return s.updated
    if (i === 0 && ledeChanged) return undefined
    const before = history?.sections[s.id] ?? s.was.map((id) => history?.sections[id]).find(Boolean)
    return before && before.hash === hashes[i] ? before.updated : undefined
  })
  const fresh = kept.filter((t) => t === undefined).length
  if (history === null) {
    const last = article.sections.length - 1
    return kept.map(
      (t, i) => t ?? takeTime(Date.parse(article.published) + (last - i) * 1000, article.published, taken),
    )
  }
  const floor = Date.parse(history.newest) + fresh * 1000
  let next = Math.max(Math.floor(now.getTime() / 1000) * 1000, floor)
  return kept.map((t) => {
    if (t !== undefined) return t
    const stamp = takeTime(next, article.published, taken)
    next -= 1000
    return stamp
  })
}
