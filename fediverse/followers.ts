/**
 * Who follows our actors, in D1 (`follows`): one row per (actor followed, following actor), written under
 * concurrent follows and unfollows. `target` is the followed actor's identifier: `paper` or `topic-{id}`.
 */

export interface Follower {
  actor: string
  inbox: string
  sharedInbox: string | null
  followId: string
}

/** Adds or refreshes a follower (a repeated Follow replaces the row: same actor, newest Follow). */
export async function addFollower(db: D1Database, target: string, f: Follower, now: Date): Promise<void> {
  await db
    .prepare(
      `INSERT INTO follows (target, actor, inbox, shared_inbox, follow_id, followed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (target, actor) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox,
         follow_id = excluded.follow_id`,
    )
    .bind(target, f.actor, f.inbox, f.sharedInbox, f.followId, now.toISOString())
    .run()
}

/** Removes a follower of `target`; true when there was one. */
export async function removeFollower(db: D1Database, target: string, actor: string): Promise<boolean> {
  const r = await db.prepare('DELETE FROM follows WHERE target = ? AND actor = ?').bind(target, actor).run()
  return r.meta.changes > 0
}

/** Forgets an actor that was deleted on its server, whatever it followed. */
export async function forgetActor(db: D1Database, actor: string): Promise<number> {
  const r = await db.prepare('DELETE FROM follows WHERE actor = ?').bind(actor).run()
  return r.meta.changes
}

export async function countFollowers(db: D1Database, target: string): Promise<number> {
  const row = await db
    .prepare('SELECT count(*) AS n FROM follows WHERE target = ?')
    .bind(target)
    .first<{ n: number }>()
  return row?.n ?? 0
}

/**
 * Where to deliver a public activity of or about `targets`' followers: each server's shared inbox once, or the
 * personal inbox without one, however many of the targets its users follow.
 */
export async function deliveryInboxes(db: D1Database, targets: readonly string[]): Promise<string[]> {
  if (targets.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT DISTINCT coalesce(shared_inbox, inbox) AS inbox FROM follows
       WHERE target IN (SELECT value FROM json_each(?)) ORDER BY inbox`,
    )
    .bind(JSON.stringify(targets))
    .all<{ inbox: string }>()
  return results.map((r) => r.inbox)
}

/** Forgets every follower served by an inbox that is gone. */
export async function dropInbox(db: D1Database, inbox: string): Promise<number> {
  const r = await db.prepare('DELETE FROM follows WHERE inbox = ?1 OR shared_inbox = ?1').bind(inbox).run()
  return r.meta.changes
}
