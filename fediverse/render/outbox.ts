/** The paper's outbox (pure): a paged `OrderedCollection` of its articles' activities, newest first. */
import type { Json } from './article-object.ts'
import { AS_CONTEXT } from './article-object.ts'

/** Which page: `current` is the article list's head (the newest), then its complete pages, newest to oldest. */
export type OutboxPage = 'current' | number

export const outboxPageUrl = (outbox: string, page: OutboxPage): string => `${outbox}?page=${page}`

export function renderOutbox(outbox: string, totalItems: number): Json {
  return {
    '@context': AS_CONTEXT,
    id: outbox,
    type: 'OrderedCollection',
    totalItems,
    first: outboxPageUrl(outbox, 'current'),
  }
}

/** One page; `older` is the page after it in the collection's order (older articles), if any. */
export function renderOutboxPage(
  outbox: string,
  page: OutboxPage,
  items: Json[],
  older: OutboxPage | null,
): Json {
  return {
    '@context': AS_CONTEXT,
    id: outboxPageUrl(outbox, page),
    type: 'OrderedCollectionPage',
    partOf: outbox,
    orderedItems: items,
    ...(older === null ? {} : { next: outboxPageUrl(outbox, older) }),
  }
}
