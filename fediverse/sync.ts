/**
 * Tells followers what changed: compares the articles in KV (their content hashes, from one listing) with what
 * followers were last told (D1 `articles`, `article_topics`), and queues `Create` for a new or newly visible
 * article (an embargo that lifted) to the paper's followers and each of its topics' `Announce` to that topic's
 * followers; `Update` for a new version and `Delete` for a withdrawal go to the followers of the paper and of
 * every topic the article has or had, each inbox once. A version is the original's and its Traditional edition's
 * (toldVersion), so a glossary change that converts an article otherwise is an Update too. Each change is claimed
 * with a conditional write first, so two runs at once never send one change twice.
 */
import { PAPER_ID, topicActorId } from '../model/ap-urls.ts'
import { isPublishedBy } from '../model/embargo.ts'
import { type DeliveryMessage, enqueueActivity } from './deliver.ts'
import type { FediConfig } from './fedi-config.ts'
import { deliveryInboxes } from './followers.ts'
import { renderAnnounce, renderArticleActivity, renderDeleteActivity } from './render/activities.ts'
import { type Json, renderArticleObject, renderTombstone, utc } from './render/article-object.ts'
import { listArticleVersions, readArticle, readEdition, toldVersion } from './store.ts'

/** Articles looked at per run at most (each costs a KV read): the rest wait for the next run. */
export const SYNC_BATCH = 200

export interface SyncEnv {
  CONTENT: KVNamespace
  FEDI_DB: D1Database
  DELIVERY: Queue<DeliveryMessage>
}

export interface SyncOutcome {
  create: number
  update: number
  delete: number
  /** Topics' Announces of new articles (one per topic and article). */
  announce: number
}

type Known = { version: string; state: 'live' | 'gone' }

/** Records the new state if the old one is still there; true when this run won the change. */
async function claim(db: D1Database, slug: string, before: Known | undefined, after: Known, now: Date) {
  const r = before
    ? await db
        .prepare('UPDATE articles SET version = ?, state = ?, synced_at = ? WHERE slug = ? AND version = ?')
        .bind(after.version, after.state, now.toISOString(), slug, before.version)
        .run()
    : await db
        .prepare('INSERT OR IGNORE INTO articles (slug, version, state, synced_at) VALUES (?, ?, ?, ?)')
        .bind(slug, after.version, after.state, now.toISOString())
        .run()
  return r.meta.changes === 1
}

/** Undoes a claim whose activity could not be queued, so the next run tries again. */
async function release(db: D1Database, slug: string, before: Known | undefined) {
  if (before)
    await db
      .prepare('UPDATE articles SET version = ?, state = ? WHERE slug = ?')
      .bind(before.version, before.state, slug)
      .run()
  else await db.prepare('DELETE FROM articles WHERE slug = ?').bind(slug).run()
}

/** The topics followers were last told an article has (D1 `article_topics`). */
async function knownTopics(db: D1Database, slug: string): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT topic FROM article_topics WHERE slug = ? ORDER BY topic')
    .bind(slug)
    .all<{ topic: string }>()
  return results.map((r) => r.topic)
}

/** Records the topics of a live article, replacing what was known. */
async function recordTopics(db: D1Database, slug: string, topics: readonly string[], published: string) {
  await db.batch([
    db.prepare('DELETE FROM article_topics WHERE slug = ?').bind(slug),
    ...topics.map((t) =>
      db
        .prepare('INSERT OR IGNORE INTO article_topics (slug, topic, published) VALUES (?, ?, ?)')
        .bind(slug, t, utc(published)),
    ),
  ])
}

/** What one change sends: the paper's activity to its audience, and each newly reached topic's Announce. */
interface Sends {
  activity: Json
  /** Actor identifiers whose followers get `activity` (each inbox once). */
  audience: string[]
  /** Topic ids that announce the article to their followers. */
  announce: string[]
}

export async function syncArticles(env: SyncEnv, config: FediConfig, now: Date): Promise<SyncOutcome> {
  const db = env.FEDI_DB
  const outcome: SyncOutcome = { create: 0, update: 0, delete: 0, announce: 0 }
  const { results } = await db
    .prepare('SELECT slug, version, state FROM articles')
    .all<Known & { slug: string }>()
  const known = new Map(results.map((r) => [r.slug, { version: r.version, state: r.state }]))
  const listed = await listArticleVersions(env.CONTENT)
  const candidates = [...listed].filter(([slug, h]) => h === null || known.get(slug)?.version !== h)
  const inboxCache = new Map<string, Promise<string[]>>()
  const inboxes = (targets: string[]) => {
    const key = JSON.stringify(targets)
    if (!inboxCache.has(key)) inboxCache.set(key, deliveryInboxes(db, targets))
    return inboxCache.get(key) as Promise<string[]>
  }
  for (const [slug] of candidates.slice(0, SYNC_BATCH)) {
    const [stored, edition] = await Promise.all([
      readArticle(env.CONTENT, slug),
      readEdition(env.CONTENT, slug),
    ])
    const before = known.get(slug)
    const toldTopics = await knownTopics(db, slug)
    let after: Known
    let sends: Sends | null
    let topicsNow: { ids: string[]; published: string } | null = null
    if (stored?.kind === 'article') {
      const { article } = stored.value
      const version = toldVersion(stored.value.version, edition?.value.version)
      if (!isPublishedBy(article.published, now.getTime()) || before?.version === version) continue
      after = { version, state: 'live' }
      const kind = before?.state === 'live' ? 'update' : 'create'
      const ids = [...new Set(article.topics ?? [])].sort()
      topicsNow = { ids, published: article.published }
      const editions = edition?.kind === 'article' ? [edition.value.article] : []
      const object = renderArticleObject(article, config.baseUrl, editions)
      sends = {
        activity: renderArticleActivity(kind, object, slug, version, config.baseUrl),
        // An update reaches whoever was told of the article: followers of the paper and of its old and new topics.
        audience: [
          PAPER_ID,
          ...(kind === 'update' ? [...new Set([...toldTopics, ...ids])].sort().map(topicActorId) : []),
        ],
        announce: kind === 'create' ? ids : ids.filter((t) => !toldTopics.includes(t)),
      }
    } else if (stored?.kind === 'gone') {
      const version = toldVersion(stored.value.version, edition?.value.version)
      if (before?.version === version) continue
      after = { version, state: 'gone' }
      // Followers never told of the article need no Delete.
      const tombstone = renderTombstone(slug, stored.value.gone.withdrawn, config.baseUrl)
      sends =
        before?.state === 'live'
          ? {
              activity: renderDeleteActivity(tombstone, slug, after.version, config.baseUrl),
              audience: [PAPER_ID, ...toldTopics.map(topicActorId)],
              announce: [],
            }
          : null
    } else continue
    if (!(await claim(db, slug, before, after, now))) continue
    // Followers told of this original before versions named the edition learn nothing new: recorded, not sent.
    if (sends === null || (before && after.version.startsWith(`${before.version}.`))) continue
    try {
      if (topicsNow) await recordTopics(db, slug, topicsNow.ids, topicsNow.published)
      await enqueueActivity(db, env.DELIVERY, sends.activity, await inboxes(sends.audience), now)
      for (const topic of sends.announce) {
        const announce = renderAnnounce(
          topicActorId(topic),
          slug,
          utc(topicsNow?.published ?? ''),
          config.baseUrl,
        )
        await enqueueActivity(db, env.DELIVERY, announce, await inboxes([topicActorId(topic)]), now)
        outcome.announce += 1
      }
    } catch (e) {
      await release(db, slug, before)
      if (topicsNow) await recordTopics(db, slug, toldTopics, topicsNow.published)
      throw e
    }
    const type = String(sends.activity.type).toLowerCase() as 'create' | 'update' | 'delete'
    outcome[type] += 1
  }
  return outcome
}
