/**
 * Embargoes (scheduled publishing): an article whose `published` time is still ahead is stored by publish but
 * shown nowhere until then. Visibility is decided at request time from the request's clock, so nobody has to
 * publish at that moment, and each served version names how many entries it still hides, so validators (ETag,
 * Last-Modified) change the moment an embargo lifts.
 */

/** True once `published` (RFC 3339) is at or before `now` (ms since the epoch). */
export function isPublishedBy(published: string, now: number): boolean {
  return Date.parse(published) <= now
}

/** The entries readers may see at `now`, and how many are still embargoed. */
export function embargoView<T>(
  items: readonly T[],
  publishedOf: (item: T) => string,
  now: number,
): { visible: T[]; hidden: number; nextLift?: number } {
  const visible = items.filter((item) => isPublishedBy(publishedOf(item), now))
  const lifts = items.map((item) => Date.parse(publishedOf(item))).filter((t) => t > now)
  return {
    visible,
    hidden: items.length - visible.length,
    ...(lifts.length > 0 ? { nextLift: Math.min(...lifts) } : {}),
  }
}

/**
 * The version a response is served under: the stored value's version while it hides nothing, and a distinct
 * one for each number of entries it still hides (that number only falls as time passes, so no two states of
 * one value share a version).
 */
export function servedVersion(version: string, hidden: number): string {
  return hidden === 0 ? version : `${version}-e${hidden}`
}

/** The articles whose embargo lifted in the window (`from`, `to`]: a scheduled run pings the hub for their feeds. */
export function liftedBetween<T>(
  items: readonly T[],
  publishedOf: (item: T) => string,
  from: number,
  to: number,
): T[] {
  return items.filter((item) => {
    const t = Date.parse(publishedOf(item))
    return t > from && t <= to
  })
}
