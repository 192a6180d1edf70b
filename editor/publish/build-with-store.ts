/** Runs the pure build against a KV store: lists the article keys once, then reads only what the build asks for. */
import { keys, slugOfArticleKey } from '../../model/store-keys.ts'
import type { DraftArticle } from '../content/draft.ts'
import {
  type ArticleMeta,
  type BuildOptions,
  type BuiltContent,
  buildEntries,
  changedDrafts,
  type KvSnapshot,
} from './build-entries.ts'
import type { KvStore } from './kv-store.ts'
import { sourceHash } from './source-hash.ts'

/** Rounds of reads: article values and histories, then the heads' pages to rewrite; a few more never hurt. */
const MAX_ROUNDS = 5

/**
 * `render` turns drafts into drafts with encoded photos (renditions); it is called for the changed drafts of this
 * batch only, so an unchanged site encodes and reads no photo. Source hashes come from the checked drafts, before rendering.
 */
export async function buildWithStore(
  store: KvStore,
  drafts: readonly DraftArticle[],
  o: BuildOptions,
  render: (changed: DraftArticle[]) => Promise<DraftArticle[]> = async (d) => d,
): Promise<BuiltContent> {
  const listing = new Map<string, ArticleMeta>()
  for (const [key, meta] of await store.list(keys.articlePrefix())) {
    const s = typeof meta.s === 'string' ? meta.s : undefined
    const h = typeof meta.h === 'string' ? meta.h : undefined
    listing.set(slugOfArticleKey(key), { ...(h ? { h } : {}), ...(s ? { s } : {}) })
  }
  const sources = new Map(drafts.map((d) => [d.slug, sourceHash(d)]))
  const { build } = changedDrafts(drafts, listing, sources, o.batch)
  const rendered = new Map((await render(build)).map((d) => [d.slug, d]))
  const ready = drafts.map((d) => rendered.get(d.slug) ?? d)
  let snap: KvSnapshot = { listing, values: new Map() }
  for (let round = 0; ; round++) {
    const built = buildEntries(ready, snap, { ...o, sources })
    if (built.needs.length === 0) return built
    if (round === MAX_ROUNDS)
      throw new Error(`publish could not settle what to read: ${built.needs.slice(0, 5).join(', ')}`)
    const got = await store.getJson(built.needs)
    snap = { listing, values: new Map([...snap.values, ...got]) }
  }
}
