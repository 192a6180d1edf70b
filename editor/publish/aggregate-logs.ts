/** The two lists publish keeps as paged logs: the "all" feed (items and tombstones) and the article list. */

import { keys } from '../../model/store-keys.ts'
import {
  FEED_PAGE_SIZE,
  type FeedHeadValue,
  type FeedLogEntry,
  INDEX_PAGE_SIZE,
  type IndexEntry,
  type IndexHeadValue,
  type TopicLink,
} from '../../model/store-values.ts'
import type { SubjectInfo } from '../../model/subject.ts'
import type { KvEntry } from './kv-entry.ts'
import { PagedLog } from './paged-log.ts'
import { versioned } from './store-entries.ts'

export type FeedLog = PagedLog<FeedLogEntry>
export type IndexLog = PagedLog<IndexEntry>

/** The "all" feed's log, from its head (null: nothing published yet). */
export const feedLog = (
  head: FeedHeadValue | null,
  readPage: (page: number) => FeedLogEntry[] | undefined,
): FeedLog =>
  new PagedLog(
    { full: head?.archived ?? 0, next: head?.next ?? 0, entries: head?.items ?? [] },
    head?.size ?? FEED_PAGE_SIZE,
    readPage,
  )

/** The article list's log, from its head (null: nothing published yet). */
export const indexLog = (
  head: IndexHeadValue | null,
  readPage: (page: number) => IndexEntry[] | undefined,
): IndexLog =>
  new PagedLog(
    { full: head?.pages ?? 0, next: head?.next ?? 0, entries: head?.articles ?? [] },
    INDEX_PAGE_SIZE,
    readPage,
  )

/** The KV entries of the pages a log wrote or rewrote, in page order. */
export function logEntries<T>(
  pages: ReadonlyMap<number, T[]>,
  make: (page: number, list: T[]) => KvEntry,
): KvEntry[] {
  return [...pages].sort(([a], [b]) => a - b).map(([page, list]) => make(page, list))
}

/** The newest time of a list's entries (a tombstone's withdrawal, an item's section, an article's update). */
export function newestOf(list: readonly (FeedLogEntry | IndexEntry)[]): string | null {
  let best: string | null = null
  for (const e of list) {
    const t = 'deleted' in e ? e.deleted.when : 'section' in e ? e.section.updated : e.updated
    if (best === null || Date.parse(t) > Date.parse(best)) best = t
  }
  return best
}

/** What every feed head holds ("all", a topic's, a person's) as the log now stands. */
export const feedHeadFields = (feed: FeedLog) => ({
  updated: newestOf(feed.entries),
  archived: feed.head.full,
  next: feed.head.next,
  size: feed.size,
  items: feed.entries,
})

/** `v2:feed:head` as the log now stands. */
export const feedHeadEntry = (feed: FeedLog): KvEntry => versioned(keys.feedHead(), feedHeadFields(feed))

/** A topic's or person's feed head as its log now stands, with the subject as pages and feeds name it. */
export const subjectHeadEntry = (feed: FeedLog, subject: SubjectInfo): KvEntry =>
  versioned(keys.subjectFeedHead(subject.kind, subject.id), { ...feedHeadFields(feed), subject })

/** `v2:index:head` as the log now stands. */
export const indexHeadEntry = (index: IndexLog, topics?: readonly TopicLink[]): KvEntry =>
  versioned(keys.indexHead(), {
    updated: newestOf(index.entries),
    pages: index.head.full,
    next: index.head.next,
    articles: index.entries,
    ...(topics === undefined ? {} : { topics }),
  })
