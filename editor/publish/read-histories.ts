/** Articles' histories as publish keeps them twice: `v2:history:{slug}`, else the copy inside the article value. */
import { historyInValue, parseArticleHistory } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { ArticleHistory } from '../../model/store-values.ts'
import type { KvStore } from './kv-store.ts'

/** The history of each of `slugs` that has one; the article values are read only for lost or unusable histories. */
export async function readHistories(
  store: KvStore,
  slugs: readonly string[],
): Promise<Map<string, ArticleHistory>> {
  const kept = await store.getJson(slugs.map(keys.history))
  const out = new Map<string, ArticleHistory>()
  for (const slug of slugs) {
    try {
      out.set(slug, parseArticleHistory(kept.get(keys.history(slug))))
    } catch {
      // Lost or unusable: the article value keeps a copy.
    }
  }
  const lost = slugs.filter((s) => !out.has(s))
  const values = await store.getJson(lost.map(keys.article))
  for (const slug of lost) {
    const history = historyInValue(values.get(keys.article(slug)))
    if (history) out.set(slug, history)
  }
  return out
}
