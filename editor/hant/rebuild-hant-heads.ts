/**
 * `--rebuild-heads` for the Traditional edition: a lost or unusable edition head (the "all" feed's, the article
 * list's with the home page's topics, a topic's or person's feed head) is the conversion of the original's head,
 * as publish writes it beside the original (the original's head as rebuilt, or as stored). Only lost heads are
 * written; an edition never published has nothing to rebuild (its first publish converts it whole).
 */
import { editionKey, keys } from '../../model/store-keys.ts'
import type { KvEntry } from '../publish/kv-entry.ts'
import type { KvStore } from '../publish/kv-store.ts'
import { hantEntry } from './hant-entries.ts'
import type { HantEdition } from './hant-writes.ts'

/** An original head the edition has a twin of, and how to tell whether a stored value of it is usable. */
export interface HeadPlace {
  key: string
  usable: (value: unknown) => boolean
}

/**
 * The edition's lost heads, converted from `rebuilt` (the original's heads this rebuild writes) or from the stored
 * original. The list head carries the edition's fingerprint only when every edition article was converted with
 * the glossary this rebuild used: otherwise none, and the next publish converts the whole edition again.
 */
export async function rebuildHantHeads(
  store: KvStore,
  edition: HantEdition,
  heads: readonly HeadPlace[],
  rebuilt: readonly KvEntry[],
): Promise<{ entries: KvEntry[]; notes: string[] }> {
  const articles = await store.list(editionKey(keys.articlePrefix(), 'hant'))
  if (articles.size === 0) return { entries: [], notes: [] }
  const twins = await store.getJson(heads.map((h) => editionKey(h.key, 'hant')))
  const lost = heads.filter((h) => !h.usable(twins.get(editionKey(h.key, 'hant'))))
  const stored = await store.getJson(
    lost.filter((h) => !rebuilt.some((e) => e.key === h.key)).map((h) => h.key),
  )
  const sameGlossary = [...articles.values()].every((m) => m.g === edition.fingerprint)
  const entries: KvEntry[] = []
  const notes: string[] = []
  for (const { key } of lost) {
    const original =
      rebuilt.find((e) => e.key === key) ??
      (stored.get(key) ? { key, value: JSON.stringify(stored.get(key)), metadata: { h: '' } } : undefined)
    if (!original) continue
    const twin = hantEntry(original, edition.convert, edition.fingerprint)
    if (!twin) continue
    if (key === keys.indexHead() && !sameGlossary) twin.metadata = { ...twin.metadata, g: '' }
    entries.push(twin)
    notes.push(`${twin.key} rebuilt as the conversion of ${key}`)
  }
  return { entries, notes }
}
