/** An actor's outbox (pure): a paged `OrderedCollection` of its activities, newest first. */
import type { Json } from './article-object.ts'
import { AS_CONTEXT } from './article-object.ts'

/** Which page: the paper's are `current` (the article list's head) then its complete pages; a topic's 1, 2, …. */
export type OutboxPage = 'current' | number

export const outboxPageUrl = (outbox: string, page: OutboxPage): string => `${outbox}?page=${page}`

export function renderOutbox(outbox: string, totalItems: number, first: OutboxPage): Json {
  return {
    '@context': AS_CONTEXT,
    id: outbox,
    type: 'OrderedCollection',
    totalItems,
    first: outboxPageUrl(outbox, first),
  }
}

/** The pages beside one: `older` follows it in the collection's order (`next`), `newer` precedes it (`prev`). */
export interface OutboxNeighbours {
  older: OutboxPage | null
  newer: OutboxPage | null
}

/** One page of the outbox. */
export function renderOutboxPage(
  outbox: string,
  page: OutboxPage,
  items: Json[],
  around: OutboxNeighbours,
): Json {
  return {
    '@context': AS_CONTEXT,
    id: outboxPageUrl(outbox, page),
    type: 'OrderedCollectionPage',
    partOf: outbox,
    orderedItems: items,
    ...(around.older === null ? {} : { next: outboxPageUrl(outbox, around.older) }),
    ...(around.newer === null ? {} : { prev: outboxPageUrl(outbox, around.newer) }),
  }
}
