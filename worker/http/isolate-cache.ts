/**
 * Whole responses kept in this isolate's memory for a short freshness window, so a hot URL is answered (200, 304
 * or HEAD) without a KV read, a Cache API round trip, routing or header building. Keyed by the request URL (and
 * checked against the site configuration), never by KV key names; bounded by bytes (LRU). docs/operators.md "Caching and freshness".
 */

import { ByteLru } from '../byte-lru.ts'
import { now } from '../clock.ts'
import { configuredSite, siteFingerprint } from '../site-config.ts'
import { acceptsGzip } from './compression.ts'
import { isNotModified } from './conditional.ts'
import { ifNoneMatchHits } from './entity-tag.ts'
import { forceMiss } from './force-miss.ts'

/**
 * KV's own propagation delay (a value written at one location may be read stale elsewhere for up to 60 s): the
 * window never exceeds it, whatever `ISOLATE_CACHE_SECONDS` says.
 */
export const MAX_FRESHNESS_SECONDS = 60
/** Memory this cache may hold per isolate (Workers give an isolate 128 MB), and the largest single response. */
const BUDGET_BYTES = 16 * 1024 * 1024
const MAX_ENTRY_BYTES = 2 * 1024 * 1024
/** A rough per-response allowance for the header objects, so many small responses also count against the budget. */
const HEADER_BYTES = 1024

/** What respond.ts hands over to be remembered. */
export interface StoredResponse {
  /** The 200's headers (also a HEAD's). */
  headers: Headers
  /** The 304's headers: the same validators and caching headers, no Content-Type. */
  notModified: Headers
  body: Uint8Array
  /** Whether the body is gzip we made (sent with `encodeBody: 'manual'`). */
  encoded: boolean
  /** Every ETag of the same content (identity and gzip), for If-None-Match. */
  tags: readonly string[]
  lastModified?: string
  /** When the body stops being right (an embargo lifts), if sooner than the window. */
  freshUntil?: number
}

/**
 * A remembered response with its three ResponseInits built once (the runtime copies the Headers into each new
 * Response, so sharing them is safe): a hit only picks one and wraps the stored bytes.
 */
interface Timed {
  body: Uint8Array
  ok: ResponseInit
  head: ResponseInit
  notModified: ResponseInit
  /** This coding's own ETag, as sent. */
  etag: string
  tags: readonly string[]
  lastModified?: string
  expires: number
}

/** A URL's remembered codings: `plain` when the type is not compressed, else one entry per coding. */
interface Codings {
  /** The site configuration they were made under (siteFingerprint). */
  site: string
  plain?: Timed
  gzip?: Timed
  identity?: Timed
}

export type Coding = 'plain' | 'gzip' | 'identity'

/** Where a response may be remembered: its URL, the site configuration, the window; null when it must not be. */
export interface IsolateSlot {
  url: string
  site: string
  windowMs: number
}

const responses = new ByteLru<Codings>(BUDGET_BYTES, MAX_ENTRY_BYTES)

/** The configured window in milliseconds: `ISOLATE_CACHE_SECONDS` (default and ceiling 60; 0 turns caching off). */
function windowMs(env: Env): number {
  const seconds = Number(env.ISOLATE_CACHE_SECONDS ?? MAX_FRESHNESS_SECONDS)
  if (!Number.isFinite(seconds) || seconds > MAX_FRESHNESS_SECONDS) return MAX_FRESHNESS_SECONDS * 1000
  return seconds > 0 ? seconds * 1000 : 0
}

let lastEnv: Env | undefined
let lastSite = ''
let lastWindowMs = 0

/**
 * What of the configuration shapes a response (the [vars] the site uses) and the window, worked out once per
 * `env` object (the runtime passes the same one to every request of an isolate).
 */
function configOf(env: Env): void {
  if (env === lastEnv) return
  lastEnv = env
  // An empty base URL follows the request's origin, which the URL key already holds.
  lastSite = siteFingerprint(configuredSite(env))
  lastWindowMs = windowMs(env)
}

/** The slot for a GET or HEAD (the only methods answered from memory), or null. */
export function isolateSlot(request: Request, env: Env): IsolateSlot | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  configOf(env)
  return lastWindowMs === 0 ? null : { url: request.url, site: lastSite, windowMs: lastWindowMs }
}

/**
 * The response from memory when this URL was answered within the window, else null. Validators are compared
 * first: a 304 costs one map lookup and one header read.
 */
export function answerFromIsolate(request: Request, slot: IsolateSlot): Response | null {
  if (forceMiss) return null
  const codings = responses.get(slot.url)
  if (codings === undefined || codings.site !== slot.site) return null
  const held = heldCoding(request, codings)
  if (held !== null) return new Response(null, held.notModified)
  const coding: Coding = codings.plain ? 'plain' : acceptsGzip(request) ? 'gzip' : 'identity'
  const stored = codings[coding]
  if (stored === undefined) return null
  if (now() >= stored.expires) {
    forget(slot.url, codings, coding)
    return null
  }
  if (isNotModified(request, stored.tags, stored.lastModified)) return new Response(null, stored.notModified)
  if (request.method === 'HEAD') return new Response(null, stored.head)
  return new Response(stored.body, stored.ok)
}

/**
 * The coding a revalidating client holds, when its If-None-Match names one remembered here and still fresh: its 304
 * carries that coding's ETag without asking which coding the client takes now, so a feed reader's poll never reads
 * `request.cf` (compression.ts). A client holding current bytes in one coding can use them whatever it asks next.
 */
function heldCoding(request: Request, codings: Codings): Timed | null {
  const inm = request.headers.get('if-none-match')
  if (inm === null) return null
  const at = now()
  for (const stored of [codings.plain, codings.gzip, codings.identity])
    if (stored !== undefined && at < stored.expires && ifNoneMatchHits(inm, [stored.etag])) return stored
  return null
}

function bytesOf(codings: Codings): number {
  let bytes = 0
  for (const stored of [codings.plain, codings.gzip, codings.identity])
    if (stored) bytes += stored.body.byteLength + HEADER_BYTES
  return bytes
}

function forget(key: string, codings: Codings, coding: Coding): void {
  const rest: Codings = { ...codings }
  delete rest[coding]
  if (rest.plain || rest.gzip || rest.identity) responses.set(key, rest, bytesOf(rest))
  else responses.delete(key)
}

/** Remembers a 200 just sent, for the slot's window. */
export function rememberResponse(slot: IsolateSlot, coding: Coding, response: StoredResponse): void {
  const timed: Timed = {
    body: response.body,
    ok: { headers: response.headers, encodeBody: response.encoded ? 'manual' : 'automatic' },
    head: { headers: response.headers, encodeBody: 'manual' },
    notModified: { status: 304, headers: response.notModified },
    etag: response.headers.get('etag') ?? '',
    tags: response.tags,
    ...(response.lastModified === undefined ? {} : { lastModified: response.lastModified }),
    expires: Math.min(now() + slot.windowMs, response.freshUntil ?? Number.POSITIVE_INFINITY),
  }
  const known = responses.get(slot.url)
  const others: Codings =
    known?.site === slot.site && coding !== 'plain' && known.plain === undefined ? known : { site: slot.site }
  const codings: Codings = { ...others, [coding]: timed }
  if (coding !== 'plain') delete codings.plain
  responses.set(slot.url, codings, bytesOf(codings))
}

/**
 * Streams a body through unchanged while keeping a copy, remembered like `rememberResponse` once it has ended
 * within the per-response limit. A larger body (a big image) is streamed and forgotten, never held whole, and
 * nothing waits for the whole body before the first byte goes out.
 */
export function rememberWhileStreaming(
  slot: IsolateSlot,
  coding: Coding,
  body: ReadableStream<Uint8Array>,
  response: Omit<StoredResponse, 'body'>,
): ReadableStream<Uint8Array> {
  let chunks: Uint8Array[] | null = []
  let bytes = 0
  const copy = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (chunks !== null) {
        bytes += chunk.byteLength
        // A copy: the runtime may reuse or detach the buffer once it has been written out.
        if (bytes <= MAX_ENTRY_BYTES) chunks.push(chunk.slice())
        else chunks = null
      }
      controller.enqueue(chunk)
    },
    flush() {
      if (chunks === null) return
      const whole = new Uint8Array(bytes)
      let at = 0
      for (const chunk of chunks) {
        whole.set(chunk, at)
        at += chunk.byteLength
      }
      rememberResponse(slot, coding, { ...response, body: whole })
    },
  })
  return body.pipeThrough(copy)
}

/**
 * Forgets every remembered response, as a fresh isolate would. For tests: the Workers test pool keeps one
 * isolate (and KV) per test file, so each test starts from an empty cache as a new deployment would.
 */
export function dropIsolateCache(): void {
  responses.clear()
}
