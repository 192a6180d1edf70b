/** The KV operations publish needs, whichever KV it writes to (wrangler's local state or Cloudflare). */
import type { KvEntry } from './kv-entry.ts'

/** Where to publish. */
export interface KvTarget {
  mode: 'local' | 'remote'
  /** Local only: wrangler's state folder (default .wrangler/state), as `wrangler --persist-to` takes it. */
  persistTo?: string
  /** wrangler environment (`--env NAME`). */
  env?: string
  binding: string
  /** Folder holding wrangler.toml. */
  cwd: string
}

export interface KvStore {
  /** For messages: "local KV (.wrangler/state)" or "Cloudflare KV (remote)". */
  readonly where: string
  /** Every key under `prefix` with its metadata; throws when the listing is not known to be complete. */
  list(prefix: string): Promise<Map<string, Record<string, unknown>>>
  /** The JSON values of `keys`: null when absent or not JSON. */
  getJson(keys: readonly string[]): Promise<Map<string, unknown>>
  /** Which of `keys` are absent; null when the store cannot tell cheaply (the caller then trusts its records). */
  absent(keys: readonly string[]): Promise<Set<string> | null>
  /**
   * The metadata of each of `keys` that is present, read key by key; absent (or null) when the store has no cheap
   * way to (the caller lists their prefixes instead).
   */
  metadataOf?(keys: readonly string[]): Promise<Map<string, Record<string, unknown>> | null>
  put(entries: readonly KvEntry[]): Promise<void>
  delete(keys: readonly string[]): Promise<void>
  close(): Promise<void>
}

/** A listing that stopped early: publishing from it could delete or rewrite what it did not see. */
export class IncompleteListingError extends Error {
  override readonly name = 'IncompleteListingError'
  constructor(prefix: string, detail: string) {
    super(`the listing of ${prefix} is incomplete (${detail}); nothing was written`)
  }
}

/**
 * Opens the store for a target: local KV through its files (or Miniflare), remote through Cloudflare's API when the
 * environment has a token and an account (CI), else through the wrangler CLI (a `wrangler login` session).
 */
export async function openKvStore(t: KvTarget): Promise<KvStore> {
  if (t.mode === 'local') return (await import('./local-kv-store.ts')).openLocalKvStore(t)
  const { localNamespace } = await import('./local-namespace.ts')
  const api = await import('./cloudflare-kv-api.ts')
  const access = api.kvApiAccess(process.env, localNamespace(t.cwd, t.binding, '.', t.env).id)
  if (access) return api.cloudflareKvApiStore(access)
  return (await import('./wrangler-kv.ts')).remoteKvStore(t)
}

/** Splits work into runs of at most `size`. */
export function* chunks<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size)
}

/** Runs of entries of at most `maxCount` and (unless one entry alone is larger) `maxBytes` by `size`. */
export function* sizedBatches(
  entries: readonly KvEntry[],
  maxCount: number,
  maxBytes: number,
  size: (e: KvEntry) => number,
): Generator<KvEntry[]> {
  let batch: KvEntry[] = []
  let bytes = 0
  for (const e of entries) {
    const n = size(e)
    if (batch.length > 0 && (batch.length >= maxCount || bytes + n > maxBytes)) {
      yield batch
      batch = []
      bytes = 0
    }
    batch.push(e)
    bytes += n
  }
  if (batch.length > 0) yield batch
}

/** JSON text parsed, or null when absent or not JSON. */
export function parseOrNull(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
