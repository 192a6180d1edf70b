/**
 * Cloudflare KV through its REST API (client/v4), for `--remote` publishes that have CLOUDFLARE_API_TOKEN and
 * CLOUDFLARE_ACCOUNT_ID (CI does): the calls `wrangler kv … --remote` makes, without a wrangler process per call
 * (seconds each) and without wrangler's 1,000 values per bulk write. A publish costs its listings (1,000 keys a
 * page), one bulk read per 100 keys (the API's limit) and one bulk write per 10,000 values (the API's limit)
 * within each write step. CLOUDFLARE_API_BASE_URL points it elsewhere, as it does wrangler (the suite's fake).
 */
import { chunks, IncompleteListingError, type KvStore, parseOrNull, sizedBatches } from './kv-store.ts'
import { bulkLine, bulkSize } from './wrangler-kv.ts'

/** What the API takes in one request (developers.cloudflare.com/api, Workers KV). */
const BULK_WRITE_MAX = 10_000
const BULK_GET_MAX = 100
/** The API takes up to 100 MB a request; the JSON of the values (base64 for bytes) stays under this. */
const BULK_WRITE_BYTES = 90_000_000
const LIST_LIMIT = 1000

export interface KvApiAccess {
  baseUrl: string
  accountId: string
  token: string
  namespaceId: string
}

/** The API's access from the environment, or null when a token or account is missing (wrangler's login then). */
export function kvApiAccess(env: NodeJS.ProcessEnv, namespaceId: string): KvApiAccess | null {
  const token = env.CLOUDFLARE_API_TOKEN
  const accountId = env.CLOUDFLARE_ACCOUNT_ID
  if (!token || !accountId) return null
  const baseUrl = (env.CLOUDFLARE_API_BASE_URL ?? 'https://api.cloudflare.com/client/v4').replace(/\/$/, '')
  return { baseUrl, accountId, token, namespaceId }
}

interface Envelope<T> {
  success: boolean
  errors?: { code: number; message: string }[]
  result: T
  result_info?: { cursor?: string }
}

/** Tries a request again after a 429, a 5xx or a network error: every request here is idempotent. */
const ATTEMPTS = 3

export function cloudflareKvApiStore(a: KvApiAccess): KvStore {
  const root = `${a.baseUrl}/accounts/${a.accountId}/storage/kv/namespaces/${a.namespaceId}`
  async function call<T>(method: string, path: string, body?: unknown): Promise<Envelope<T>> {
    let last = ''
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, 1000 * attempt))
      let res: Response
      try {
        res = await fetch(`${root}${path}`, {
          method,
          headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
      } catch (e) {
        last = String(e)
        continue
      }
      const text = await res.text()
      let parsed: Envelope<T> | null = null
      try {
        parsed = JSON.parse(text) as Envelope<T>
      } catch {}
      if (res.ok && parsed?.success) return parsed
      last = `${res.status} ${parsed?.errors?.map((e) => `${e.code}: ${e.message}`).join('; ') ?? text.slice(0, 200)}`
      if (res.status !== 429 && res.status < 500) break
    }
    throw new Error(`Cloudflare KV API ${method} ${path.split('?')[0] || '/'} failed: ${last}`)
  }
  return {
    where: 'Cloudflare KV (remote, API)',
    async list(prefix) {
      const found = new Map<string, Record<string, unknown>>()
      let cursor = ''
      try {
        do {
          const q = new URLSearchParams({ prefix, limit: String(LIST_LIMIT), ...(cursor ? { cursor } : {}) })
          const page = await call<{ name: string; metadata?: Record<string, unknown> }[]>('GET', `/keys?${q}`)
          for (const k of page.result) found.set(k.name, k.metadata ?? {})
          cursor = page.result_info?.cursor ?? ''
        } while (cursor)
      } catch (e) {
        throw new IncompleteListingError(prefix, String(e))
      }
      return found
    },
    async getJson(keys) {
      const out = new Map<string, unknown>()
      for (const batch of chunks(keys, BULK_GET_MAX)) {
        const got = await call<{ values: Record<string, string | null> }>('POST', '/bulk/get', {
          keys: batch,
        })
        for (const key of batch) out.set(key, parseOrNull(got.result.values[key] ?? null))
      }
      return out
    },
    // Checking each media key would cost a request per 100 keys: the caller trusts the articles' histories.
    absent: async () => null,
    async put(entries) {
      for (const batch of sizedBatches(entries, BULK_WRITE_MAX, BULK_WRITE_BYTES, bulkSize))
        await call('PUT', '/bulk', batch.map(bulkLine))
    },
    async delete(keys) {
      for (const batch of chunks(keys, BULK_WRITE_MAX)) await call('POST', '/bulk/delete', batch)
    },
    close: async () => {},
  }
}
