/** Local KV as publish sees it (wrangler's platform proxy), and the consistency every reader relies on. */
import { expect } from 'vitest'
import { type KvStore, openKvStore } from '../../editor/publish/kv-store.ts'
import {
  parseFeedHeadValue,
  parseIndexHeadValue,
  parseStoredArticle,
} from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'

/** Opens the local KV kept in `persistTo` (as `wrangler --persist-to` names it). */
export const localKv = (persistTo: string): Promise<KvStore> =>
  openKvStore({ mode: 'local', persistTo, binding: 'CONTENT', cwd: process.cwd() })

/**
 * Every article the heads name has a live value, and every media name those values use exists: no reader can
 * follow a link to something missing. Returns every slug the heads name (the article list's newest articles and
 * the articles of the feed head's items, where an edited section is appended again), sorted.
 */
export async function assertConsistent(kv: KvStore): Promise<string[]> {
  const heads = await kv.getJson([keys.indexHead(), keys.feedHead()])
  const index = parseIndexHeadValue(heads.get(keys.indexHead()))
  const feed = parseFeedHeadValue(heads.get(keys.feedHead()))
  const slugs = new Set([
    ...index.articles.map((a) => a.slug),
    ...feed.items.flatMap((e) => ('section' in e ? [e.article.slug] : [])),
  ])
  const values = await kv.getJson([...slugs].map((s) => keys.article(s)))
  const media = new Set<string>()
  for (const slug of slugs) {
    const stored = parseStoredArticle(values.get(keys.article(slug)))
    expect(stored.kind, slug).toBe('article')
    if (stored.kind !== 'article') continue
    const a = stored.value.article
    for (const p of [...a.sections.flatMap((s) => s.photos), ...a.photos])
      if (p.src.startsWith('/media/')) media.add(keys.media(p.src.slice('/media/'.length)))
  }
  expect([...((await kv.absent([...media])) ?? [])]).toEqual([])
  return [...slugs].sort()
}
