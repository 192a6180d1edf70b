/** The ActivityPub documents this Worker serves itself (Fedify serves the rest): the outbox and article objects. */

import { PAPER_ID } from '../model/ap-urls.ts'
import { embargoView } from '../model/embargo.ts'
import type { IndexEntry } from '../model/store-values.ts'
import { INDEX_PAGE_SIZE } from '../model/store-values.ts'
import { apUrls } from './ap-urls.ts'
import type { FediConfig } from './fedi-config.ts'
import { renderArticleActivity, renderDeleteActivity } from './render/activities.ts'
import { type Json, OBJECT_CONTEXT, renderArticleObject, renderTombstone } from './render/article-object.ts'
import { type OutboxPage, renderOutbox, renderOutboxPage } from './render/outbox.ts'
import { readArticle, readEditions, readIndexHead, readIndexPage } from './store.ts'

export const ACTIVITY_JSON = 'application/activity+json'

/** Every answer of ours in ActivityPub's media type, open to any origin, cached briefly. */
export const activityJson = (body: Json, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': ACTIVITY_JSON,
      'access-control-allow-origin': '*',
      'cache-control': 'max-age=60',
    },
  })

export const notFound = () =>
  new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain' } })

/** The activity an article is in the outbox: its Create (of the version live now), or the Delete of its Tombstone. */
async function outboxItem(kv: KVNamespace, slug: string, config: FediConfig): Promise<Json | null> {
  const stored = await readArticle(kv, slug)
  if (stored?.kind === 'article') {
    const object = renderArticleObject(stored.value.article, config.baseUrl, await readEditions(kv, slug))
    return renderArticleActivity('create', object, slug, stored.value.version, config.baseUrl)
  }
  if (stored?.kind === 'gone') {
    const tombstone = renderTombstone(slug, stored.value.gone.withdrawn, config.baseUrl)
    return renderDeleteActivity(tombstone, slug, stored.value.version, config.baseUrl)
  }
  return null
}

/** GET /ap/actors/paper/outbox[?page=current|N]. */
export async function outboxRoute(
  kv: KVNamespace,
  url: URL,
  config: FediConfig,
  now: number,
): Promise<Response> {
  const outbox = apUrls.outbox(config.baseUrl, PAPER_ID)
  const head = await readIndexHead(kv)
  const pages = head?.pages ?? 0
  const param = url.searchParams.get('page')
  const visible = (list: readonly IndexEntry[]) => embargoView(list, (a) => a.published, now).visible
  if (param === null) {
    const total = pages * INDEX_PAGE_SIZE + visible(head?.articles ?? []).length
    return activityJson(renderOutbox(outbox, total, 'current'))
  }
  let page: OutboxPage
  let entries: IndexEntry[]
  if (param === 'current') {
    page = 'current'
    entries = visible(head?.articles ?? [])
  } else {
    const n = Number(param)
    if (!Number.isInteger(n) || n < 1 || n > pages) return notFound()
    page = n
    entries = visible((await readIndexPage(kv, n))?.articles ?? [])
  }
  const items = await Promise.all([...entries].reverse().map((a) => outboxItem(kv, a.slug, config)))
  const older = page === 'current' ? (pages > 0 ? pages : null) : page > 1 ? page - 1 : null
  const newer = page === 'current' ? null : page < pages ? page + 1 : 'current'
  const found = items.filter((i) => i !== null)
  return activityJson(renderOutboxPage(outbox, page, found, { older, newer }))
}

/** GET /ap/articles/:slug: the Article, or its Tombstone (410) once withdrawn; nothing while embargoed. */
export async function articleObjectRoute(kv: KVNamespace, slug: string, config: FediConfig, now: number) {
  const stored = await readArticle(kv, slug)
  if (stored?.kind === 'article' && Date.parse(stored.value.article.published) <= now) {
    return activityJson({
      '@context': OBJECT_CONTEXT,
      ...renderArticleObject(stored.value.article, config.baseUrl, await readEditions(kv, slug)),
    })
  }
  if (stored?.kind === 'gone') {
    const tombstone = renderTombstone(slug, stored.value.gone.withdrawn, config.baseUrl)
    return activityJson({ '@context': OBJECT_CONTEXT, ...tombstone }, 410)
  }
  return notFound()
}

/** The paper's header image: the lead photo of the newest visible article (JPEG), if any. */
export async function headerImage(kv: KVNamespace, config: FediConfig, now: number) {
  const head = await readIndexHead(kv)
  const newest = embargoView(head?.articles ?? [], (a) => a.published, now).visible.at(-1)
  const photo = newest?.photo
  if (!photo) return null
  return { url: photo.src.startsWith('/') ? `${config.baseUrl}${photo.src}` : photo.src, type: photo.type }
}
