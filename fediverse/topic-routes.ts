/**
 * A topic actor's outbox and header image. The outbox lists what the topic announced, from D1 `article_topics`
 * (written by the sync as followers are told): a withdrawn article keeps its place there as a `Tombstone`, which
 * KV no longer ties to its topics, and an embargoed article is absent until the sync has told followers of it.
 */
import { topicActorId } from '../model/ap-urls.ts'
import { absoluteUrl } from '../worker/render/feed-photo.ts'
import { apUrls } from './ap-urls.ts'
import type { FediConfig } from './fedi-config.ts'
import { renderAnnounce } from './render/activities.ts'
import {
  articlePhotos,
  attachmentImage,
  type Json,
  renderArticleObject,
  renderTombstone,
} from './render/article-object.ts'
import { renderOutbox, renderOutboxPage } from './render/outbox.ts'
import { activityJson, notFound } from './routes.ts'
import { readArticle, readEditions, readTopic } from './store.ts'

/** Announces per page of a topic's outbox. */
export const TOPIC_OUTBOX_PAGE_SIZE = 20

interface TopicEnv {
  CONTENT: KVNamespace
  FEDI_DB: D1Database
}

/** The topic's Announce of an article, the object embedded: the `Article`, or its `Tombstone` once withdrawn. */
async function announceItem(kv: KVNamespace, topic: string, slug: string, config: FediConfig, now: number) {
  const stored = await readArticle(kv, slug)
  let object: Json
  let published: string
  if (stored?.kind === 'article') {
    if (Date.parse(stored.value.article.published) > now) return null
    object = renderArticleObject(stored.value.article, config.baseUrl, await readEditions(kv, slug))
    published = String(object.published)
  } else if (stored?.kind === 'gone') {
    object = renderTombstone(slug, stored.value.gone.withdrawn, config.baseUrl)
    published = String(object.deleted)
  } else return null
  return { ...renderAnnounce(topicActorId(topic), slug, published, config.baseUrl), object }
}

/** GET /ap/actors/topic-{id}/outbox[?page=N]: newest first, page 1 the newest. */
export async function topicOutboxRoute(
  env: TopicEnv,
  topic: string,
  url: URL,
  config: FediConfig,
  now: number,
) {
  if ((await readTopic(env.CONTENT, topic)) === null) return notFound()
  const outbox = apUrls.outbox(config.baseUrl, topicActorId(topic))
  const visibleBy = new Date(now).toISOString()
  const count = await env.FEDI_DB.prepare(
    'SELECT count(*) AS n FROM article_topics WHERE topic = ? AND published <= ?',
  )
    .bind(topic, visibleBy)
    .first<{ n: number }>()
  const total = count?.n ?? 0
  const param = url.searchParams.get('page')
  if (param === null) return activityJson(renderOutbox(outbox, total, 1))
  const page = Number(param)
  const pages = Math.max(1, Math.ceil(total / TOPIC_OUTBOX_PAGE_SIZE))
  if (!Number.isInteger(page) || page < 1 || page > pages) return notFound()
  const { results } = await env.FEDI_DB.prepare(
    `SELECT slug FROM article_topics WHERE topic = ? AND published <= ?
     ORDER BY published DESC, slug LIMIT ? OFFSET ?`,
  )
    .bind(topic, visibleBy, TOPIC_OUTBOX_PAGE_SIZE, (page - 1) * TOPIC_OUTBOX_PAGE_SIZE)
    .all<{ slug: string }>()
  const items = await Promise.all(results.map((r) => announceItem(env.CONTENT, topic, r.slug, config, now)))
  const around = { older: page < pages ? page + 1 : null, newer: page > 1 ? page - 1 : null }
  return activityJson(
    renderOutboxPage(
      outbox,
      page,
      items.filter((i) => i !== null),
      around,
    ),
  )
}

/** A topic's header image: the first photo of its newest visible article (a JPEG rendition), if any. */
export async function topicHeader(env: TopicEnv, topic: string, config: FediConfig, now: number) {
  const { results } = await env.FEDI_DB.prepare(
    'SELECT slug FROM article_topics WHERE topic = ? AND published <= ? ORDER BY published DESC LIMIT 5',
  )
    .bind(topic, new Date(now).toISOString())
    .all<{ slug: string }>()
  for (const { slug } of results) {
    const stored = await readArticle(env.CONTENT, slug)
    const photo = stored?.kind === 'article' ? articlePhotos(stored.value.article)[0] : undefined
    if (!photo) continue
    const image = attachmentImage(photo)
    return { url: absoluteUrl(image.src, config.baseUrl), type: image.type }
  }
  return null
}
