/** Section times: an edited section gets the publish time, an unchanged one keeps the time it had (README "Section times"). */

import { formatInOffsetOf } from '../../model/format-in-offset.ts'
import type { DraftArticle } from '../content/draft.ts'
import type { PublishState } from './kv-entry.ts'

/**
 * Instants (ms) already used by section times. Stamps never reuse one: Atom validators flag entries with equal
 * `updated`, and a feed whose items share a time sorts unpredictably in readers.
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
 * Decides the `updated` time of section `index` of `article`: the editor's own value wins; an unchanged section
 * keeps its stamped time; the sections of a never-published article get its publication time, and changed or
 * added sections the publish time. Sections stamped together are a second apart, the first one latest, so that
 * readers sorting newest first still show them in reading order.
 */
export function stampSection(
  article: DraftArticle,
  index: number,
  hash: string,
  previous: PublishState,
  articleSeenBefore: boolean,
  now: Date,
  taken: TakenTimes,
): string {
  const section = article.sections[index]
  if (section?.updated) return section.updated
  const before = section && previous.sections[`${article.slug}/${section.id}`]
  if (before && before.hash === hash) return before.updated
  if (!before && !articleSeenBefore) {
    const last = article.sections.length - 1
    return takeTime(Date.parse(article.published) + (last - index) * 1000, article.published, taken)
  }
  return takeTime(now.getTime() - index * 1000, article.published, taken)
}
