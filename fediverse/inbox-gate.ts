/**
 * What an inbox POST passes before any parsing or signature work: a body bound (413) and a per-host rate limit
 * (429), the host being the one named by the signature's keyId (else the client address).
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
  let body: string
  try {
    body = await readBounded(request, MAX_INBOX_BYTES)
  } catch {
    return plain(413, `Payload Too Large: an activity may have at most ${MAX_INBOX_BYTES} bytes`)
  }
  return new Request(request, { body })
}
