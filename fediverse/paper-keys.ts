/** The paper's RSA key pair, from the FEDI_PRIVATE_KEY secret (PKCS#8 PEM); the public half is derived from it. */

export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError'
  constructor() {
    super(
      'FEDI_PRIVATE_KEY is not set: `npx wrangler secret put FEDI_PRIVATE_KEY -c fediverse/wrangler.toml` (docs/operators.md)',
    )
  }
}

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const

export const RSA_ALGORITHM = ALGORITHM

function pemBody(pem: string): ArrayBuffer {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  return bytes.buffer
}

let cached: { pem: string; pair: Promise<CryptoKeyPair> } | null = null

/** A key pair from a PKCS#8 private key: the public half is derived from it. */
export async function pairFromPkcs8(pkcs8: ArrayBuffer): Promise<CryptoKeyPair> {
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, true, ['sign'])
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKey
  const publicJwk: JsonWebKey = { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', ext: true }
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, ALGORITHM, true, ['verify'])
  return { privateKey, publicKey }
}

const importPair = (pem: string): Promise<CryptoKeyPair> => pairFromPkcs8(pemBody(pem))

/** The key pair, imported once per isolate and secret value. */
export function paperKeyPair(pem: string | undefined): Promise<CryptoKeyPair> {
  if (!pem?.trim()) return Promise.reject(new MissingKeyError())
  if (cached?.pem !== pem) cached = { pem, pair: importPair(pem) }
  return cached.pair
}
