/**
 * The federation Worker's D1 tables. D1, not KV: a follower list changes under concurrent follows and unfollows,
 * and KV is eventually consistent with one write a second per key; D1 is one SQLite database with transactions
 * and conditional updates, which the delivery state needs too. Created on first use (`IF NOT EXISTS`), so a new
 * database needs no migration step.
 */
const TABLES = [
  // Who follows the paper, and where their server takes deliveries (the shared inbox when it has one).
  `CREATE TABLE IF NOT EXISTS followers (actor TEXT PRIMARY KEY, inbox TEXT NOT NULL, shared_inbox TEXT,
     follow_id TEXT NOT NULL, followed_at TEXT NOT NULL)`,
  // What followers were last told of each article: its stored version and whether it was live or withdrawn.
  `CREATE TABLE IF NOT EXISTS articles (slug TEXT PRIMARY KEY, version TEXT NOT NULL, state TEXT NOT NULL,
     synced_at TEXT NOT NULL)`,
  // Every activity sent, by id, as its JSON body: a retried delivery sends the very same bytes.
  'CREATE TABLE IF NOT EXISTS activities (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)',
  // Which inbox took which activity: a delivery done is never repeated.
  `CREATE TABLE IF NOT EXISTS deliveries (activity TEXT NOT NULL, inbox TEXT NOT NULL, status INTEGER NOT NULL,
     at TEXT NOT NULL, PRIMARY KEY (activity, inbox))`,
  // Inboxes that keep failing, since when: their followers are dropped after FOLLOWER_DROP_DAYS.
  'CREATE TABLE IF NOT EXISTS failing_inboxes (inbox TEXT PRIMARY KEY, since TEXT NOT NULL)',
  // Settings learnt at run time: the origin served under, when PUBLIC_BASE_URL is empty (served-origin.ts).
  'CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)',
  // Fedify's cache (remote keys and documents) and its inbox idempotence records.
  'CREATE TABLE IF NOT EXISTS fedify_kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER)',
]

let ready: Promise<void> | null = null

/** Creates the tables once per isolate (a failed attempt is tried again by the next request). */
export function ensureSchema(db: D1Database): Promise<void> {
  ready ??= db
    .batch(TABLES.map((sql) => db.prepare(sql)))
    .then(() => undefined)
    .catch((e) => {
      ready = null
      throw e
    })
  return ready
}
