/**
 * A local stand-in for the part of Cloudflare's KV REST API (client/v4) that `wrangler kv ... --remote` calls when
 * publish drives it: list keys (cursor pages), bulk get, bulk write and bulk delete, in memory, in Cloudflare's
 * envelope `{success, errors, messages, result, result_info}`. wrangler reaches it through CLOUDFLARE_API_BASE_URL.
 * Anything else answers 4xx, and every request is logged so a test can assert what was called.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the fake saw it. `keys`: the keys a bulk request named (written, read or deleted). */
export interface FakeKvRequest {
  method: string
  /** The path under the namespace (`keys`, `bulk`, `bulk/get`, `bulk/delete`), or the whole path if outside it. */
  route: string
  query: Record<string, string>
  keys: string[]
  status: number
}

export interface StoredKvValue {
  bytes: Buffer
  metadata?: unknown
}

export interface FakeCloudflareKvApi {
  /** For CLOUDFLARE_API_BASE_URL: `http://127.0.0.1:PORT/client/v4`. */
  readonly baseUrl: string
  /** The environment that points wrangler at this fake (account, token, base URL). */
  readonly env: Record<string, string>
  readonly values: Map<string, StoredKvValue>
  readonly requests: FakeKvRequest[]
  close(): Promise<void>
}

export interface FakeOptions {
  /** The namespace id wrangler.toml names for the binding. */
  namespaceId: string
  /** Keys per list page (Cloudflare: 1,000); small, so a test crosses the cursor with few keys. */
  pageSize?: number
}

// Cloudflare's documented limits for these endpoints.
const BULK_WRITE_MAX = 10_000
const BULK_GET_MAX = 100
const KEY_MAX_BYTES = 512
const VALUE_MAX_BYTES = 25 * 1024 * 1024
const METADATA_MAX_BYTES = 1024
const REQUEST_MAX_BYTES = 100_000_000

const ACCOUNT_ID = 'f00dfacef00dfacef00dfacef00dface'
const TOKEN = 'fake-token-for-the-local-kv-api'

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

const envelope = (result: unknown, resultInfo?: unknown) => ({
  success: true,
  errors: [],
  messages: [],
  result,
  ...(resultInfo ? { result_info: resultInfo } : {}),
})

/** KV orders keys by their UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > REQUEST_MAX_BYTES) throw new ApiError(413, 10_011, 'request body too large')
    parts.push(chunk)
  }
  return Buffer.concat(parts)
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new ApiError(400, 10_026, 'could not parse the request body as JSON')
  }
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key === '')
    throw new ApiError(400, 10_019, 'a key must be a non-empty string')
  if (Buffer.byteLength(key) > KEY_MAX_BYTES) throw new ApiError(414, 10_033, `key too long: ${key}`)
  return key
}

function keyList(body: unknown, max: number): string[] {
  if (!Array.isArray(body)) throw new ApiError(400, 10_026, 'the body must be an array of keys')
  if (body.length > max) throw new ApiError(400, 10_026, `at most ${max} keys per request`)
  return body.map(checkKey)
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeCloudflareKvApi(o: FakeOptions): Promise<FakeCloudflareKvApi> {
  const pageSize = o.pageSize ?? 1000
  const values = new Map<string, StoredKvValue>()
  const requests: FakeKvRequest[] = []
  const namespacePath = `/client/v4/accounts/${ACCOUNT_ID}/storage/kv/namespaces/${o.namespaceId}/`

  function listKeys(query: URLSearchParams) {
    const prefix = query.get('prefix') ?? ''
    const limit = Number(query.get('limit') ?? 1000)
    if (!Number.isInteger(limit) || limit < 10 || limit > 1000)
      throw new ApiError(400, 10_026, 'limit must be between 10 and 1000')
    const cursor = query.get('cursor')
    const after = cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null
    const matching = [...values.keys()]
      .filter((k) => k.startsWith(prefix) && (after === null || byBytes(k, after) > 0))
      .sort(byBytes)
    const page = matching.slice(0, Math.min(limit, pageSize))
    const last = page.at(-1)
    const more = matching.length > page.length && last !== undefined
    return envelope(
      page.map((name) => {
        const metadata = values.get(name)?.metadata
        return metadata === undefined ? { name } : { name, metadata }
      }),
      { count: page.length, cursor: more ? Buffer.from(last).toString('base64url') : '' },
    )
  }

  function bulkGet(body: unknown) {
    const { keys, type, withMetadata } = (body ?? {}) as Record<string, unknown>
    // wrangler sends `{keys}` only: text values without metadata. The other shapes are not faked.
    if (type !== undefined || withMetadata !== undefined)
      throw new ApiError(400, 10_026, 'the fake implements bulk get of text values only')
    const out: Record<string, string | null> = {}
    for (const key of keyList(keys, BULK_GET_MAX)) {
      const v = values.get(key)
      if (!v) {
        out[key] = null
        continue
      }
      const text = v.bytes.toString('utf8')
      // Bytes that are not UTF-8 do not survive the round trip (each bad byte becomes U+FFFD).
      if (!Buffer.from(text, 'utf8').equals(v.bytes))
        throw new ApiError(400, 10_026, `bulk get reads text values only: ${key} is binary`)
      out[key] = text
    }
    return { values: out }
  }

  function bulkWrite(body: unknown) {
    if (!Array.isArray(body)) throw new ApiError(400, 10_026, 'the body must be an array of key-value pairs')
    if (body.length > BULK_WRITE_MAX) throw new ApiError(400, 10_026, `at most ${BULK_WRITE_MAX} pairs`)
    const staged = body.map((item: unknown) => {
      const { key, value, base64, metadata } = (item ?? {}) as Record<string, unknown>
      if (typeof value !== 'string') throw new ApiError(400, 10_026, 'value must be a string')
      const bytes = base64 === true ? Buffer.from(value, 'base64') : Buffer.from(value, 'utf8')
      if (bytes.byteLength > VALUE_MAX_BYTES) throw new ApiError(413, 10_033, 'value too large')
      if (metadata !== undefined && Buffer.byteLength(JSON.stringify(metadata)) > METADATA_MAX_BYTES)
        throw new ApiError(413, 10_033, `metadata over ${METADATA_MAX_BYTES} bytes`)
      return [checkKey(key), metadata === undefined ? { bytes } : { bytes, metadata }] as const
    })
    for (const [key, v] of staged) values.set(key, v)
    return {
      keys: staged.map(([key]) => key),
      result: { successful_key_count: staged.length, unsuccessful_keys: [] },
    }
  }

  function bulkDelete(body: unknown) {
    const keys = keyList(body, BULK_WRITE_MAX)
    for (const key of keys) values.delete(key)
    return { keys, result: { successful_key_count: keys.length, unsuccessful_keys: [] } }
  }

  async function answer(req: IncomingMessage): Promise<{ route: string; keys: string[]; payload: unknown }> {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      throw new ApiError(403, 10_000, 'Authentication error')
    if (!url.pathname.startsWith(namespacePath))
      throw new ApiError(
        404,
        7003,
        `Could not route to ${url.pathname}, perhaps your object identifier is invalid?`,
      )
    const route = url.pathname.slice(namespacePath.length)
    const at = `${req.method} ${route}`
    if (at === 'GET keys') return { route, keys: [], payload: listKeys(url.searchParams) }
    if (at === 'POST bulk/get') {
      const body = parseJson(await readBody(req))
      const result = bulkGet(body)
      return { route, keys: Object.keys(result.values), payload: envelope(result) }
    }
    if (at === 'PUT bulk') {
      const { keys, result } = bulkWrite(parseJson(await readBody(req)))
      return { route, keys, payload: envelope(result) }
    }
    // wrangler 4.86 deletes with `DELETE bulk`; Cloudflare documents `POST bulk/delete` as its successor.
    if (at === 'DELETE bulk' || at === 'POST bulk/delete') {
      const { keys, result } = bulkDelete(parseJson(await readBody(req)))
      return { route, keys, payload: envelope(result) }
    }
    throw new ApiError(405, 10_405, `the fake does not implement ${at}`)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake')
    const logged: FakeKvRequest = {
      method: req.method ?? '',
      route: url.pathname,
      query: Object.fromEntries(url.searchParams),
      keys: [],
      status: 200,
    }
    requests.push(logged)
    let payload: unknown
    try {
      const done = await answer(req)
      logged.route = done.route
      logged.keys = done.keys
      payload = done.payload
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, 10_001, String(e))
      logged.status = err.status
      payload = {
        success: false,
        errors: [{ code: err.code, message: err.message }],
        messages: [],
        result: null,
      }
    }
    res.writeHead(logged.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(payload))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}/client/v4`
  return {
    baseUrl,
    env: { CLOUDFLARE_API_BASE_URL: baseUrl, CLOUDFLARE_ACCOUNT_ID: ACCOUNT_ID, CLOUDFLARE_API_TOKEN: TOKEN },
    values,
    requests,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.closeAllConnections()
        server.close((e) => (e ? fail(e) : closed()))
      }),
  }
}
