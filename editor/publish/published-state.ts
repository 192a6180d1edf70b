/**
 * What a publish reads first: the article keys' listing, and a print of it and of the heads' metadata. Every publish
 * that writes changes one of them (an article's commit, a head), so an equal print means nothing was published in
 * between: publish compares prints before writing under its lease, and a local receipt (publish-receipt.ts) compares
 * the print a publish left with the store's now.
 */
import { createHash } from 'node:crypto'
import { keys } from '../../model/store-keys.ts'
import type { KvStore } from './kv-store.ts'
import type { WritePlan } from './write-plan.ts'

type Listing = Map<string, Record<string, unknown>>

export interface PublishedState {
  articles: Listing
  heads: Listing
  print: string
  /** The index head exists (the original is published). */
  indexHead: boolean
}

const HEADS: ReadonlySet<string> = new Set([keys.feedHead(), keys.indexHead()])

function stateOf(articles: Listing, heads: Listing): PublishedState {
  const entries = [...articles, ...heads]
  // A digest: compared only for equality, and kept in a receipt.
  const print = createHash('sha256')
    .update(JSON.stringify(entries.map(([k, m]) => [k, m.h, m.s])))
    .digest('hex')
  return { articles, heads, print, indexHead: heads.has(keys.indexHead()) }
}

/** The store's published state, as listed now. */
export async function publishedState(store: KvStore): Promise<PublishedState> {
  const [articles, feedHead, indexHead] = await Promise.all([
    store.list(keys.articlePrefix()),
    store.list(keys.feedHead()),
    store.list(keys.indexHead()),
  ])
  return stateOf(articles, new Map([...feedHead, ...indexHead].filter(([k]) => HEADS.has(k))))
}

/**
 * The state a store shows after `plan` was written over `state`, computed without reading: each key takes the
 * metadata of its last write, deleted keys go, listings stay in key order. A store that shows another print was
 * written by someone else (or this computation missed a case, which costs a full publish, never a wrong answer).
 */
export function stateAfter(
  state: PublishedState,
  plan: Pick<WritePlan, 'steps' | 'deletes'>,
): PublishedState {
  const articles = new Map(state.articles)
  const heads = new Map(state.heads)
  for (const [, entries] of plan.steps)
    for (const e of entries)
      if (e.key.startsWith(keys.articlePrefix())) articles.set(e.key, e.metadata)
      else if (HEADS.has(e.key)) heads.set(e.key, e.metadata)
  for (const k of plan.deletes) {
    articles.delete(k)
    heads.delete(k)
  }
  const sorted = (m: Listing) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return stateOf(sorted(articles), sorted(heads))
}
