/**
 * A database written by the first release (the paper's followers in `followers`) upgrades in place on a real D1
 * (Miniflare's, in workerd): its followers move into `follows` as the paper's, once, and a second start changes
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countFollowers, deliveryInboxes } from '../../fediverse/followers.ts'
import { createTables } from '../../fediverse/schema.ts'
import { startD1, type TestD1 } from '../helpers/miniflare-d1.ts'

let d1: TestD1
let db: D1Database

beforeAll(async () => {
  d1 = await startD1()
  db = d1.db
  await db.batch([
    db.prepare(`CREATE TABLE followers (actor TEXT PRIMARY KEY, inbox TEXT NOT NULL, shared_inbox TEXT,
       follow_id TEXT NOT NULL, followed_at TEXT NOT NULL)`),
    db
      .prepare('INSERT INTO followers VALUES (?, ?, ?, ?, ?)')
      .bind(
        'https://m.example/users/a',
        'https://m.example/users/a/inbox',
        'https://m.example/inbox',
        'f1',
        '2026-01-01T00:00:00Z',
      ),
    db
      .prepare('INSERT INTO followers VALUES (?, ?, ?, ?, ?)')
      .bind('https://solo.example/u', 'https://solo.example/u/inbox', null, 'f2', '2026-01-02T00:00:00Z'),
  ])
}, 60_000)
afterAll(async () => {
  await d1?.dispose()
})

describe('a database of the first release', () => {
  it("keeps every follower, as the paper's, and drops the old table", async () => {
    await createTables(db)
    expect(await countFollowers(db, 'paper')).toBe(2)
    expect(await deliveryInboxes(db, ['paper'])).toEqual([
      'https://m.example/inbox',
      'https://solo.example/u/inbox',
    ])
    const old = await db.prepare("SELECT name FROM sqlite_master WHERE name = 'followers'").first()
    expect(old).toBeNull()
  })

  it('changes nothing when started again', async () => {
    await createTables(db)
    expect(await countFollowers(db, 'paper')).toBe(2)
  })
})
