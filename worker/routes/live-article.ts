/** What an article URL answers when the slug was withdrawn (410 Gone) or renamed (301 to the new slug). */
import type { ArticleValue } from '../../model/store-values.ts'
import { Redirect } from '../http/redirect.ts'
import { notFound, StatusError } from '../http/status-error.ts'
import { readArticle } from '../store.ts'

/**
 * The live article under `slug`; a Redirect to the same URL with the new slug for an alias; 410 for a
 * withdrawn article; 404 when nothing was ever published there.
 */
export async function liveArticle(
  kv: KVNamespace,
  slug: string,
  url: URL,
  baseUrl: string,
): Promise<ArticleValue | Redirect> {
  const stored = await readArticle(kv, slug)
  if (stored === null) throw notFound()
  if (stored.kind === 'article') return stored.value
  if (stored.kind === 'moved') {
    // Only the path segment that is the slug changes: /articles/{slug}[/{section}] and /feeds/{slug}.{ext} alike.
    const path = url.pathname.replace(/(\/(?:articles|feeds)\/)[^/.]+/, `$1${stored.value.moved.to}`)
    return new Redirect(`${baseUrl}${path}${url.search}`)
  }
  const { withdrawn, reason } = stored.value.gone
  throw new StatusError(410, 'Gone', `This article was withdrawn on ${withdrawn}: ${reason}`)
}
