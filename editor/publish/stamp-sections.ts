/** Section times: an edited section gets the publish time, an unchanged one keeps the time it had (docs/editors.md "Section times"). */

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

/** What changed besides the sections' own content. */
export interface StampChanges {
  /** The lede opens the first section's item: a new lede counts the first section as changed. */
  ledeChanged?: boolean
  /** The gallery (its own item, read after the sections) changed since it was last published. */
  galleryChanged?: boolean
}

/**
 * The `updated` time of every section of `article`, given the section hashes and the article's history (null
 * when it was never published), and a stamp for the gallery when it changed. The editor's own value wins; an
 * unchanged section keeps its stamped time; the sections of a never-published article get its publication time;
 * changed or added sections get the publish time, but never a time at or before the newest stamp the article
 * ever had (a checkout with a slow clock cannot move time backwards). Items stamped together are a second apart,
 * the first one latest (the gallery last), so that readers sorting newest first still show them in reading order.
 */
export function stampSections(
  article: DraftArticle,
  hashes: readonly string[],
  history: ArticleHistory | null,
  now: Date,
  taken: TakenTimes,
  changes: StampChanges = {},
): { sections: string[]; gallery?: string } {
  const kept = article.sections.map((s, i) => {
    if (s.updated) return s.updated
    if (i === 0 && changes.ledeChanged) return undefined
    const before = history?.sections[s.id] ?? s.was.map((id) => history?.sections[id]).find(Boolean)
    return before && before.hash === hashes[i] ? before.updated : undefined
  })
  if (history === null) {
    const last = article.sections.length - 1
    return {
      sections: kept.map(
        (t, i) => t ?? takeTime(Date.parse(article.published) + (last - i) * 1000, article.published, taken),
      ),
    }
  }
  const gallery = changes.galleryChanged === true
  const fresh = kept.filter((t) => t === undefined).length + (gallery ? 1 : 0)
  const floor = Date.parse(history.newest) + fresh * 1000
  let next = Math.max(Math.floor(now.getTime() / 1000) * 1000, floor)
  const stamp = () => {
    const time = takeTime(next, article.published, taken)
    next -= 1000
    return time
  }
  const sections = kept.map((t) => t ?? stamp())
  return gallery ? { sections, gallery: stamp() } : { sections }
}
