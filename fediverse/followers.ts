/** The follower list in D1: one row per following actor, written under concurrent follows and unfollows. */

export interface Follower {
  actor: string
  inbox: string
  sharedInbox: string | null
  followId: string
}

/** Adds or refreshes a follower (a repeated Follow replaces the row: same actor, newest Follow). */
export async function addFollower(db: D1Database, f: Follower, now: Date): Promise<void> {
  await db
    .prepare(
      `INSERT INTO followers (actor, inbox, shared_inbox, follow_id, followed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (actor) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox,
         follow_id = excluded.follow_id`,
    )
    .bind(f.actor, f.inbox, f.sharedInbox, f.followId, now.toISOString())
    .run()
}

/** Removes a follower; true when there was one. */
export async function removeFollower(db: D1Database, actor: string): Promise<boolean> {
  const r = await db.prepare('DELETE FROM followers WHERE actor = ?').bind(actor).run()
  return r.meta.changes > 0
}

export async function countFollowers(db: D1Database): Promise<number> {
  const row = await db.prepare('SELECT count(*) AS n FROM followers').first<{ n: number }>()
  return row?.n ?? 0
}

/** Where to deliver a public activity: each server's shared inbox once, or the personal inbox without one. */
export async function deliveryInboxes(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT DISTINCT coalesce(shared_inbox, inbox) AS inbox FROM followers ORDER BY inbox')
    .all<{ inbox: string }>()
  return results.map((r) => r.inbox)
}

/** Forgets every follower served by an inbox that is gone. */
export async function dropInbox(db: D1Database, inbox: string): Promise<number> {
  const r = await db.prepare('DELETE FROM followers WHERE inbox = ?1 OR shared_inbox = ?1').bind(inbox).run()
  return r.meta.changes
}
