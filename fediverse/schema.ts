/**
 * The federation Worker's D1 tables. D1, not KV: a follower list changes under concurrent follows and unfollows,
 * and KV is eventually consistent with one write a second per key; D1 is one SQLite database with transactions
 * and conditional updates, which the delivery state needs too. Created on first use (`IF NOT EXISTS`), so a new
 * database needs no migration step.
 */
export const TABLES = [
  // Who follows which of our actors (`target`: `paper` or `topic-{id}`), and where their server takes
  // deliveries (the shared inbox when it has one).
  `CREATE TABLE IF NOT EXISTS follows (target TEXT NOT NULL, actor TEXT NOT NULL, inbox TEXT NOT NULL,
     shared_inbox TEXT, follow_id TEXT NOT NULL, followed_at TEXT NOT NULL, PRIMARY KEY (target, actor))`,
  // The topics each article had when followers were last told of it: a withdrawal reaches its topics'
  // followers, and a topic's outbox lists what the topic announced.
  `CREATE TABLE IF NOT EXISTS article_topics (slug TEXT NOT NULL, topic TEXT NOT NULL, published TEXT NOT NULL,
     PRIMARY KEY (slug, topic))`,
  'CREATE INDEX IF NOT EXISTS article_topics_by_topic ON article_topics (topic, published)',
  // Each topic actor's private key (made on first use), wrapped with a key derived from FEDI_PRIVATE_KEY.
  'CREATE TABLE IF NOT EXISTS actor_keys (actor TEXT PRIMARY KEY, wrapped TEXT NOT NULL, created_at TEXT NOT NULL)',
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

/**
 * The paper's followers as the first release kept them (`followers`, the paper only) move into `follows`, once:
 * only while that table exists, so no isolate changes the schema under another's requests afterwards.
 */
const LEGACY_FOLLOWERS = [
  `INSERT OR IGNORE INTO follows (target, actor, inbox, shared_inbox, follow_id, followed_at)
     SELECT 'paper', actor, inbox, shared_inbox, follow_id, followed_at FROM followers`,
  'DROP TABLE followers',
]

/** Creates what is missing (and moves the first release's followers); ensureSchema runs it once per isolate. */
export async function createTables(db: D1Database): Promise<void> {
  await db.batch(TABLES.map((sql) => db.prepare(sql)))
  const legacy = await db
    .prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'followers'")
    .first()
  if (legacy !== null) await db.batch(LEGACY_FOLLOWERS.map((sql) => db.prepare(sql)))
}

/** Per database: a Worker has one (its binding is the same object on every request), a test process several. */
const ready = new WeakMap<D1Database, Promise<void>>()

/** Creates the tables once per isolate and database (a failed attempt is tried again by the next request). */
export function ensureSchema(db: D1Database): Promise<void> {
  let done = ready.get(db)
  if (!done) {
    done = createTables(db).catch((e) => {
      ready.delete(db)
      throw e
    })
    ready.set(db, done)
  }
  return done
}
