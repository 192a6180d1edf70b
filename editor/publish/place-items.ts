/** Where an article's items go in a feed log ("all", a topic's, a person's): the one rule every log follows. */
import { GALLERY_ID, galleryUpdated, type ItemSection } from '../../model/article-items.ts'
import type { ArticleHistory, FeedEntry } from '../../model/store-values.ts'
import type { FeedLog } from './aggregate-logs.ts'

/** The time each section (and the gallery: its stamp, else the default before its first edit) was last published. */
export function oldTimes(history: ArticleHistory | null): (id: string) => string | undefined {
  return (id) =>
    id === GALLERY_ID && history
      ? (history.gallery?.updated ?? galleryUpdated(history.published))
      : history?.sections[id]?.updated
}

/**
 * Each item's position: an unchanged section keeps its (landed) position, rewritten in place while its page is
 * open; a changed or new one is appended (and its old open position emptied). Positions at or past `next` were
 * handed out by a publish that died before writing the head: they never landed. Returns section id → position,
 * and whether anything was appended.
 */
export function placeItems(
  log: FeedLog,
  next: number,
  items: readonly ItemSection[],
  oldItems: Readonly<Record<string, number>>,
  oldTime: (id: string) => string | undefined,
  article: FeedEntry['article'],
): { positions: Record<string, number>; appended: boolean } {
  const positions: Record<string, number> = {}
  let appended = false
  // Appended last section first: readers showing the newest first then show the sections in reading order.
  for (const section of [...items].reverse()) {
    const oldId = [section.id, ...(section.was ?? [])].find((id) => oldItems[id] !== undefined)
    const recorded = oldId === undefined ? undefined : oldItems[oldId]
    const at = recorded !== undefined && recorded < next ? recorded : undefined
    if (at !== undefined && oldId !== undefined && oldTime(oldId) === section.updated) {
      positions[section.id] = at
      if (log.isOpen(at)) log.edit(at, () => ({ n: at, article, section }))
      continue
    }
    if (at !== undefined && log.isOpen(at)) log.edit(at, () => null)
    positions[section.id] = log.append((n) => ({ n, article, section }))
    appended = true
  }
  return { positions, appended }
}
