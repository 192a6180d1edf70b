/**
 * How this Worker fetches remote actors and keys: a timeout, a size bound, no private or loopback addresses
 * (FEDI_ALLOW_LOOPBACK lets 127.0.0.1 through, for local development and tests only), the common JSON-LD contexts
 * from memory, and results cached in D1 by Fedify's `kvCache`.
 */
import { type KvStore, kvCache, signRequest } from '@fedify/fedify'
import {
  type DocumentLoader,
  FetchError,
  preloadedContexts,
  type RemoteDocument,
  validatePublicUrl,
} from '@fedify/vocab-runtime'

/** Milliseconds a remote server has to answer. */
export const FETCH_TIMEOUT_MS = 5_000
/** Bytes of a remote document read at most (a Mastodon actor is 5–20 KB). */
export const MAX_DOCUMENT_BYTES = 256 * 1024
const MAX_REDIRECTS = 3

/** True when `url` may be fetched or delivered to under the current setting. */
export async function assertFetchable(url: string, allowLoopback: boolean): Promise<void> {
  const parsed = new URL(url)
  if (allowLoopback && parsed.hostname === '127.0.0.1') return
  await validatePublicUrl(url)
}

/** Reads at most `limit` bytes of a body; more is an error, not a truncation. */
export async function readBounded(
  response: Pick<Response, 'headers' | 'body' | 'url'>,
  limit: number,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > limit) throw new FetchError(response.url, `document over ${limit} bytes`)
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel()
      throw new FetchError(response.url, `document over ${limit} bytes`)
    }
    chunks.push(value)
  }
  const all = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    all.set(c, at)
    at += c.byteLength
  }
  return new TextDecoder().decode(all)
}

/** Who signs the GETs (servers in "authorized fetch" mode answer only signed ones), when someone does. */
export interface FetchIdentity {
  keyId: URL
  privateKey: CryptoKey
}

/**
 * A GET, tried a second time when the connection broke before an answer (a server closing a kept-alive connection
 * as it is reused shows as "Network connection lost"); a timeout is not tried again.
 */
async function fetchOnceMore(request: Request): Promise<Response> {
  const get = () =>
    fetch(request.clone(), { redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  try {
    return await get()
  } catch (e) {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) throw e
    console.log(`fediverse: GET ${request.url} failed (${e}); trying once more`)
    return get()
  }
}

function boundedLoader(allowLoopback: boolean, userAgent: string, identity?: FetchIdentity): DocumentLoader {
  const load = async (url: string, hops = 0): Promise<RemoteDocument> => {
    if (url in preloadedContexts)
      return { contextUrl: null, document: preloadedContexts[url], documentUrl: url }
    await assertFetchable(url, allowLoopback)
    const unsigned = new Request(url, {
      headers: { accept: 'application/activity+json, application/ld+json', 'user-agent': userAgent },
    })
    const request = identity
      ? await signRequest(unsigned, identity.privateKey, identity.keyId, {
          spec: 'draft-cavage-http-signatures-12',
        })
      : unsigned
    const response = await fetchOnceMore(request)
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel()
      if (hops >= MAX_REDIRECTS) throw new FetchError(url, 'too many redirects')
      return load(new URL(location, url).href, hops + 1)
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new FetchError(url, `HTTP ${response.status}`)
    }
    const text = await readBounded(response, MAX_DOCUMENT_BYTES)
    return { contextUrl: null, document: JSON.parse(text), documentUrl: url }
  }
  return (url) => load(url)
}

/** The loader Fedify uses for documents, contexts and keys: bounded, signed when `identity` is given, cached in `kv`. */
export function remoteLoader(
  kv: KvStore,
  allowLoopback: boolean,
  userAgent: string,
  identity?: FetchIdentity,
): DocumentLoader {
  const loader = boundedLoader(allowLoopback, userAgent, identity)
  return kvCache({ loader, kv, prefix: ['_fedify', 'remoteDocument'] })
}
