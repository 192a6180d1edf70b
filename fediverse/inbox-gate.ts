/**
 * What an inbox POST passes before any parsing or signature work: a per-host rate limit (429), the host being the
 * one named by the signature's keyId (else the client address), an RFC 9421 signature that covers the body (401),
 * and a body bound (413).
 */
import { readBounded } from './remote-loader.ts'

/** Bytes an inbox accepts in one activity (a Mastodon status with its context is a few KB). */
export const MAX_INBOX_BYTES = 256 * 1024

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } })

/** The host a signed request says it comes from (draft-cavage `Signature` or RFC 9421 `Signature-Input`). */
export function signerHost(request: Request): string | null {
  const header = `${request.headers.get('signature') ?? ''} ${request.headers.get('signature-input') ?? ''}`
  const keyId = /keyid="([^"]+)"/i.exec(header)?.[1]
  if (!keyId) return null
  try {
    return new URL(keyId).host
  } catch {
    return null
  }
}

/**
 * Fedify checks an RFC 9421 `Content-Digest` only when the signature covers it; an inbox must know that the body
 * it acts on is the one signed, so a signature that leaves it out is refused here.
 */
export function coversBody(request: Request): boolean {
  const input = request.headers.get('signature-input')
  if (input === null || request.headers.get('signature') === null) return true
  const lists = [...input.matchAll(/=\s*\(([^)]*)\)/g)].map((m) => m[1] ?? '')
  return (
    lists.length > 0 &&
    lists.every((l) => /"content-digest"/i.test(l)) &&
    request.headers.has('content-digest')
  )
}

/** A request to go on with (its body read within the bound), or the refusal. */
export async function inboxGate(
  request: Request,
  limiter: RateLimit | undefined,
): Promise<Request | Response> {
  if (request.method !== 'POST') return request
  const host = signerHost(request) ?? request.headers.get('cf-connecting-ip') ?? 'unknown'
  if (limiter && !(await limiter.limit({ key: host })).success) {
    return plain(429, `Too Many Requests from ${host}`, { 'retry-after': '60' })
  }
  if (!coversBody(request)) {
    return plain(401, 'Unauthorized: an RFC 9421 signature must cover content-digest (RFC 9530)')
  }
  let body: string
  try {
    body = await readBounded(request, MAX_INBOX_BYTES)
  } catch {
    return plain(413, `Payload Too Large: an activity may have at most ${MAX_INBOX_BYTES} bytes`)
  }
  return new Request(request, { body })
}
