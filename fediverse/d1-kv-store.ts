/** Fedify's `KvStore` on D1 (the `@fedify/cfworkers` adapters are not available here): cache and idempotence. */
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify'

/** A key as one text column; JSON keeps the parts apart, so a prefix is a prefix of the text. */
const encode = (key: KvKey): string => JSON.stringify(key)
/** The text every key under `prefix` starts with: the JSON array without its closing bracket. */
const prefixText = (prefix: KvKey): string => `${encode(prefix).slice(0, -1)},`

export class D1KvStore implements KvStore {
  constructor(private readonly db: D1Database) {}

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const row = await this.db
      .prepare('SELECT value FROM fedify_kv WHERE key = ? AND (expires IS NULL OR expires > ?)')
      .bind(encode(key), Date.now())
      .first<{ value: string }>()
    return row === null ? undefined : (JSON.parse(row.value) as T)
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const ttl = options?.ttl?.total('millisecond')
    await this.db
      .prepare('INSERT OR REPLACE INTO fedify_kv (key, value, expires) VALUES (?, ?, ?)')
      .bind(encode(key), JSON.stringify(value), ttl === undefined ? null : Date.now() + ttl)
      .run()
  }

  async delete(key: KvKey): Promise<void> {
    await this.db.prepare('DELETE FROM fedify_kv WHERE key = ?').bind(encode(key)).run()
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    const start = prefix === undefined ? '[' : prefixText(prefix)
    const { results } = await this.db
      .prepare(
        'SELECT key, value FROM fedify_kv WHERE substr(key, 1, ?) = ? AND (expires IS NULL OR expires > ?)',
      )
      .bind(start.length, start, Date.now())
      .all<{ key: string; value: string }>()
    for (const row of results) yield { key: JSON.parse(row.key) as KvKey, value: JSON.parse(row.value) }
  }
}
