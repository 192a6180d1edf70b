/**
 * The origin the paper is served under, for runs that have no request to take it from (the cron's sync, the
 * queue): PUBLIC_BASE_URL when set (production), else the origin of the latest federation request, kept in D1
 * (local development, where `npm start` serves http://127.0.0.1:8787 and PUBLIC_BASE_URL is empty).
 */

/** The origin each database was last told (a Worker has one database). */
const remembered = new WeakMap<D1Database, string>()

/** Records the request's origin when no PUBLIC_BASE_URL is set (one write per isolate, database and origin). */
export async function rememberOrigin(db: D1Database, configured: string, origin: string): Promise<void> {
  if (configured.trim() !== '' || remembered.get(db) === origin) return
  await db.prepare("INSERT OR REPLACE INTO settings (name, value) VALUES ('origin', ?)").bind(origin).run()
  remembered.set(db, origin)
}

/** PUBLIC_BASE_URL, else the origin recorded last, else null (nobody has reached the paper yet). */
export async function servedOrigin(db: D1Database, configured: string): Promise<string | null> {
  const base = configured.trim().replace(/\/+$/, '')
  if (base !== '') return base
  const row = await db.prepare("SELECT value FROM settings WHERE name = 'origin'").first<{ value: string }>()
  return row?.value ?? null
}
