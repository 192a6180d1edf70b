/** Runs the pure build against a KV store: lists the article keys once, then reads only what the build asks for. */
import { keys, slugOfArticleKey } from '../../model/store-keys.ts'
import type { DraftArticle } from '../content/draft.ts'
import {
  type ArticleMeta,
  type BuildOptions,
  type BuiltContent,
  buildEntries,
  changedDrafts,
  isRevert,
  type KvSnapshot,
} from './build-entries.ts'
import type { KvStore } from './kv-store.ts'
import { readHistories } from './read-histories.ts'
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
  /** The listing of the article keys when the caller has just read it. */
  listed?: ReadonlyMap<string, Record<string, unknown>>,
): Promise<BuiltContent> {
  const listing = new Map<string, ArticleMeta>()
  for (const [key, meta] of listed ?? (await store.list(keys.articlePrefix()))) {
    const s = typeof meta.s === 'string' ? meta.s : undefined
    const h = typeof meta.h === 'string' ? meta.h : undefined
    listing.set(slugOfArticleKey(key), { ...(h ? { h } : {}), ...(s ? { s } : {}) })
  }
  const directory = new Map<string, ArticleMeta>()
  if (o.subjects)
    for (const [key, meta] of await store.list(keys.directoryPrefix()))
      directory.set(key, typeof meta.s === 'string' ? { s: meta.s } : {})
  const sources = o.sources ?? new Map(drafts.map((d) => [d.slug, sourceHash(d)]))
  const { build, remaining } = changedDrafts(drafts, listing, sources, o.batch)
  // A publish in batches writes its first batch before building the last: its first batch (no stamps taken yet)
  // looks for reverts among all the others, so that a stale checkout stops before anything is written.
  const later = remaining > 0 && o.taken === undefined ? changedDrafts(drafts, listing, sources).build : []
  const laterReverts = await revertsAmong(store, later.slice(build.length), listing, sources, o)
  const rendered = new Map((await render(build)).map((d) => [d.slug, d]))
  const ready = drafts.map((d) => rendered.get(d.slug) ?? d)
  let snap: KvSnapshot = { listing, values: new Map(), directory }
  for (let round = 0; ; round++) {
    const built = buildEntries(ready, snap, { ...o, sources })
    if (built.needs.length === 0) {
      built.report.reverts.push(...laterReverts)
      return built
    }
    if (round === MAX_ROUNDS)
      throw new Error(`publish could not settle what to read: ${built.needs.slice(0, 5).join(', ')}`)
    const got = await store.getJson(built.needs)
    snap = { listing, values: new Map([...snap.values, ...got]), directory }
  }
}

/** The published drafts among `later` that would revert a published edit, read from their histories. */
async function revertsAmong(
  store: KvStore,
  later: readonly DraftArticle[],
  listing: ReadonlyMap<string, ArticleMeta>,
  sources: ReadonlyMap<string, string>,
  o: BuildOptions,
): Promise<string[]> {
  const published = later.filter((d) => listing.has(d.slug) && !o.allowRevert?.has(d.slug))
  const histories = await readHistories(
    store,
    published.map((d) => d.slug),
  )
  return published
    .filter((d) => isRevert(histories.get(d.slug) ?? null, sources.get(d.slug) ?? ''))
    .map((d) => d.slug)
}
