/**
 * Feed items built and rendered once per isolate. A page of "all" holds 50 items; after a publish nearly all of
 * them are the same content as before, and one version is rendered in three formats and two codings: building
 * each item (summary, section HTML, photos) and its XML again every time was most of a miss's work.
 */
import { ByteLru } from '../byte-lru.ts'
import type { FeedItem } from './feed-document.ts'

/** Items by content (the log entry's JSON and the site): survives a publish, which parses new objects. */
const byContent = new ByteLru<FeedItem>(4 * 1024 * 1024, 256 * 1024)
/** Items by the parsed entry itself (store.ts keeps a value parsed while its content hash holds): no key built. */
const byEntry = new WeakMap<object, { site: string; item: FeedItem }>()

/** Makes `value` and everything in it immutable, so what is remembered cannot change under a later reader. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/**
 * The item for a log entry under a site configuration (`site` must name everything of it `build` reads): built
 * by `build` once, then shared, deeply frozen, by every render of the same content.
 */
export function memoFeedItem(entry: object, site: string, build: () => FeedItem): FeedItem {
  const known = byEntry.get(entry)
  if (known?.site === site) return known.item
  const key = `${site}\n${JSON.stringify(entry)}`
  let item = byContent.get(key)
  if (item === undefined) {
    item = deepFreeze(build())
    // UTF-16 units: the key, the item's HTML and about three renderings of it (one per format).
    byContent.set(key, item, 2 * (key.length + 4 * item.contentHtml.length))
  }
  byEntry.set(entry, { site, item })
  return item
}

/**
 * An item's markup in one format, rendered once per remembered item. Only frozen items (memoFeedItem's) are kept:
 * a plain object could change between two renders.
 */
export function renderedOnce(
  item: FeedItem,
  cache: WeakMap<FeedItem, string>,
  render: (item: FeedItem) => string,
): string {
  if (!Object.isFrozen(item)) return render(item)
  let markup = cache.get(item)
  if (markup === undefined) {
    markup = render(item)
    cache.set(item, markup)
  }
  return markup
}
