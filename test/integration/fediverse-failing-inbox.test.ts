/**
 * Followers whose server keeps failing are dropped after FOLLOWER_DROP_DAYS, by a clock the test sets: the
 * federation Worker's D1 functions against a real D1 (Miniflare's, in workerd), every time given as data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FOLLOWER_DROP_DAYS, recordDelivered, recordFailure } from '../../fediverse/deliver.ts'
import { addFollower, countFollowers, deliveryInboxes } from '../../fediverse/followers.ts'
import { ensureSchema } from '../../fediverse/schema.ts'
import { startD1, type TestD1 } from '../helpers/miniflare-d1.ts'

const DAY = 86_400_000
const T0 = Date.parse('2026-03-01T00:00:00Z')
const at = (days: number) => new Date(T0 + days * DAY)
const GONE = 'https://gone.example/inbox'
const BACK = 'https://back.example/inbox'

let d1: TestD1
let db: D1Database

beforeAll(async () => {
  d1 = await startD1()
  db = d1.db
  await ensureSchema(db)
  for (const [n, shared] of [GONE, GONE, BACK].entries()) {
    const origin = new URL(shared).origin
    await addFollower(
      db,
      n === 1 ? 'topic-qijiang' : 'paper',
      {
        actor: `${origin}/users/u${n}`,
        inbox: `${origin}/users/u${n}/inbox`,
        sharedInbox: shared,
        followId: `f${n}`,
      },
      at(0),
    )
  }
}, 60_000)
afterAll(async () => {
  await d1?.dispose()
})

describe('an inbox that keeps failing', () => {
  it(`keeps its followers for ${FOLLOWER_DROP_DAYS} days of failures`, async () => {
    for (const day of [0, 1, 3, 6, FOLLOWER_DROP_DAYS]) expect(await recordFailure(db, GONE, at(day))).toBe(0)
    expect(await deliveryInboxes(db, ['paper', 'topic-qijiang'])).toEqual([BACK, GONE])
  })

  it('loses them, of every actor they followed, at the first failure after that', async () => {
    expect(await recordFailure(db, GONE, at(FOLLOWER_DROP_DAYS + 0.01))).toBe(2)
    expect(await deliveryInboxes(db, ['paper', 'topic-qijiang'])).toEqual([BACK])
    expect(await countFollowers(db, 'topic-qijiang')).toBe(0)
  })

  it('starts its clock again after a delivery that succeeds', async () => {
    expect(await recordFailure(db, BACK, at(0))).toBe(0)
    await recordDelivered(db, 'https://news.example/ap/a/1', BACK, 202, at(6))
    expect(await recordFailure(db, BACK, at(10))).toBe(0)
    expect(await recordFailure(db, BACK, at(10 + FOLLOWER_DROP_DAYS))).toBe(0)
    expect(await countFollowers(db, 'paper')).toBe(1)
    expect(await recordFailure(db, BACK, at(10 + FOLLOWER_DROP_DAYS + 1))).toBe(1)
  })
})
