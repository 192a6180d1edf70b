/**
 * Delivery through a Cloudflare Queue: one message per (activity, inbox), sent in batches of at most 100 (the
 * Queues limit), consumed in batches, each POST signed (draft-cavage `rsa-sha256`, what Mastodon verifies).
 * Network errors, 408, 429 and 5xx are retried with exponential backoff; other 4xx are not; 404/410 drop the
 * inbox's followers. A delivery that succeeded is recorded and never repeated.
 */
import { signRequest } from '@fedify/fedify'
import { actorKeyPair } from './actor-keys.ts'
import type { FediConfig } from './fedi-config.ts'
import { dropInbox } from './followers.ts'
import { assertFetchable, FETCH_TIMEOUT_MS } from './remote-loader.ts'
import type { Json } from './render/article-object.ts'

/** One queue message: deliver this stored activity to this inbox. */
export interface DeliveryMessage {
  activity: string
  inbox: string
}

/** Messages per `sendBatch` (Cloudflare Queues accepts at most 100). */
export const SEND_BATCH = 100
/** Longest wait before a retry (Queues allow 12 hours). */
const MAX_DELAY_SECONDS = 12 * 60 * 60
/** Days an inbox may keep failing before its followers are dropped. */
export const FOLLOWER_DROP_DAYS = 7

/**
 * Stores the activity (the first body stored under an id is the one ever sent) and queues it for each inbox;
 * queuing it again is harmless, since the consumer skips deliveries already done.
 */
export async function enqueueActivity(
  db: D1Database,
  queue: Queue<DeliveryMessage>,
  activity: Json,
  inboxes: readonly string[],
  now: Date,
): Promise<void> {
  const id = String(activity.id)
  await db
    .prepare('INSERT OR IGNORE INTO activities (id, body, created_at) VALUES (?, ?, ?)')
    .bind(id, JSON.stringify(activity), now.toISOString())
    .run()
  for (let i = 0; i < inboxes.length; i += SEND_BATCH) {
    await queue.sendBatch(
      inboxes.slice(i, i + SEND_BATCH).map((inbox) => ({ body: { activity: id, inbox } })),
    )
  }
}

/** Whether a status is worth another try: the server may answer differently later. */
export const isRetryable = (status: number): boolean => status === 408 || status === 429 || status >= 500

/** Seconds before retry number `attempts` (1 = the first try failed). */
export const backoffSeconds = (attempts: number, base: number): number =>
  Math.min(MAX_DELAY_SECONDS, Math.round(base * 2 ** Math.max(0, attempts - 1)))

interface DeliveryEnv {
  FEDI_DB: D1Database
  FEDI_PRIVATE_KEY?: string
}

/**
 * Records a failed delivery to `inbox` at `now`: the first failure starts its clock, and once it has kept failing
 * for more than FOLLOWER_DROP_DAYS its followers are dropped. Returns how many were dropped.
 */
export async function recordFailure(db: D1Database, inbox: string, now: Date): Promise<number> {
  await db
    .prepare('INSERT OR IGNORE INTO failing_inboxes (inbox, since) VALUES (?, ?)')
    .bind(inbox, now.toISOString())
    .run()
  const row = await db
    .prepare('SELECT since FROM failing_inboxes WHERE inbox = ?')
    .bind(inbox)
    .first<{ since: string }>()
  if (!row || now.getTime() - Date.parse(row.since) <= FOLLOWER_DROP_DAYS * 86_400_000) return 0
  const dropped = await dropInbox(db, inbox)
  await db.prepare('DELETE FROM failing_inboxes WHERE inbox = ?').bind(inbox).run()
  console.log(`fediverse: ${inbox} failing since ${row.since}: dropped ${dropped} followers`)
  return dropped
}

/** Records a delivery done: never repeated, and the inbox's failure clock (if any) stops. */
export async function recordDelivered(
  db: D1Database,
  activity: string,
  inbox: string,
  status: number,
  now: Date,
) {
  await db.batch([
    db
      .prepare('INSERT OR REPLACE INTO deliveries (activity, inbox, status, at) VALUES (?, ?, ?, ?)')
      .bind(activity, inbox, status, now.toISOString()),
    db.prepare('DELETE FROM failing_inboxes WHERE inbox = ?').bind(inbox),
  ])
}

/** The identifier of one of our actors from its URL (`…/ap/actors/{identifier}`). */
const actorIdentifier = (actor: string): string => actor.slice(actor.lastIndexOf('/ap/actors/') + 11)

async function deliverOne(
  message: Message<DeliveryMessage>,
  env: DeliveryEnv,
  config: FediConfig,
): Promise<void> {
  const { activity, inbox } = message.body
  const db = env.FEDI_DB
  const done = await db
    .prepare('SELECT status FROM deliveries WHERE activity = ? AND inbox = ?')
    .bind(activity, inbox)
    .first<{ status: number }>()
  const row = await db
    .prepare('SELECT body FROM activities WHERE id = ?')
    .bind(activity)
    .first<{ body: string }>()
  if (done || !row) return message.ack()
  try {
    await assertFetchable(inbox, config.allowLoopback)
  } catch {
    console.log(`fediverse: not delivering to private address ${inbox}`)
    return message.ack()
  }
  const request = new Request(inbox, {
    method: 'POST',
    headers: { 'content-type': 'application/activity+json', accept: 'application/activity+json' },
    body: row.body,
  })
  // Signed with the key of the actor the stored activity names (Fedify calls the first key `#main-key`).
  const actor = String((JSON.parse(row.body) as { actor?: unknown }).actor)
  const { privateKey } = await actorKeyPair(db, env.FEDI_PRIVATE_KEY, actorIdentifier(actor))
  const signed = await signRequest(request, privateKey, new URL(`${actor}#main-key`), {
    spec: 'draft-cavage-http-signatures-12',
  })
  let status: number
  try {
    const response = await fetch(signed, {
      redirect: 'manual',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    })
    status = response.status
    await response.body?.cancel()
  } catch {
    status = 0
  }
  const now = new Date()
  if (status >= 200 && status < 300) {
    await recordDelivered(db, activity, inbox, status, now)
    return message.ack()
  }
  if (status === 0 || isRetryable(status)) {
    await recordFailure(db, inbox, now)
    return message.retry({ delaySeconds: backoffSeconds(message.attempts, config.retrySeconds) })
  }
  if (status === 404 || status === 410) await dropInbox(db, inbox)
  console.log(`fediverse: ${inbox} refused ${activity} with ${status}; not retried`)
  message.ack()
}

/** The queue consumer: every message of the batch at once (they go to different servers). */
export async function deliverBatch(
  batch: MessageBatch<DeliveryMessage>,
  env: DeliveryEnv,
  config: FediConfig,
): Promise<void> {
  await Promise.all(batch.messages.map((m) => deliverOne(m, env, config)))
}
