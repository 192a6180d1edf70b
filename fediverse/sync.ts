/**
 * Tells followers what changed: compares the articles in KV (their content hashes, from one listing) with what
 * followers were last told (D1 `articles`), and queues `Create` for a new or newly visible article (an embargo
 * that lifted), `Update` for a new version, `Delete` for a withdrawal. Each change is claimed with a conditional
 * write first, so two runs at once never send one change twice.
 */
import { isPublishedBy } from '../model/embargo.ts'
import { type DeliveryMessage, enqueueActivity } from './deliver.ts'
import type { FediConfig } from './fedi-config.ts'
import { deliveryInboxes } from './followers.ts'
import { renderArticleActivity, renderDeleteActivity } from './render/activities.ts'
import { type Json, renderArticleObject, renderTombstone } from './render/article-object.ts'
import { listArticleVersions, readArticle } from './store.ts'

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

export async function syncArticles(env: SyncEnv, config: FediConfig, now: Date): Promise<SyncOutcome> {
  const db = env.FEDI_DB
  const outcome: SyncOutcome = { create: 0, update: 0, delete: 0 }
  const { results } = await db
    .prepare('SELECT slug, version, state FROM articles')
    .all<Known & { slug: string }>()
  const known = new Map(results.map((r) => [r.slug, { version: r.version, state: r.state }]))
  const listed = await listArticleVersions(env.CONTENT)
  const candidates = [...listed].filter(([slug, h]) => h === null || known.get(slug)?.version !== h)
  let inboxes: string[] | null = null
  for (const [slug] of candidates.slice(0, SYNC_BATCH)) {
    const stored = await readArticle(env.CONTENT, slug)
    const before = known.get(slug)
    let after: Known
    let activity: Json | null
    if (stored?.kind === 'article') {
      const { article, version } = stored.value
      if (!isPublishedBy(article.published, now.getTime()) || before?.version === version) continue
      after = { version, state: 'live' }
      const kind = before?.state === 'live' ? 'update' : 'create'
      activity = renderArticleActivity(
        kind,
        renderArticleObject(article, config.baseUrl),
        slug,
        version,
        config.baseUrl,
      )
    } else if (stored?.kind === 'gone') {
      if (before?.version === stored.value.version) continue
      after = { version: stored.value.version, state: 'gone' }
      // Followers never told of the article need no Delete.
      const tombstone = renderTombstone(slug, stored.value.gone.withdrawn, config.baseUrl)
      activity =
        before?.state === 'live' ? renderDeleteActivity(tombstone, slug, after.version, config.baseUrl) : null
    } else continue
    if (!(await claim(db, slug, before, after, now))) continue
    if (activity === null) continue
    try {
      inboxes ??= await deliveryInboxes(db)
      await enqueueActivity(db, env.DELIVERY, activity, inboxes, now)
    } catch (e) {
      await release(db, slug, before)
      throw e
    }
    const type = String(activity.type).toLowerCase() as keyof SyncOutcome
    outcome[type] += 1
  }
  return outcome
}
