/**
 * Each actor's RSA key pair: the paper's from the FEDI_PRIVATE_KEY secret; a topic's made on first use and kept
 * in D1 (`actor_keys`), wrapped with AES-GCM under a key derived (HKDF) from that secret, so a copy of the
 * database alone holds no usable key. Two isolates making the same topic's key at once keep the first one stored.
 */
import { PAPER_ID } from '../model/ap-urls.ts'
import { pairFromPkcs8, paperKeyPair, RSA_ALGORITHM } from './paper-keys.ts'

/** Key pairs by database (a Worker has one), then by actor and secret. */
const cached = new WeakMap<D1Database, Map<string, Promise<CryptoKeyPair>>>()
const text = new TextEncoder()

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

async function wrappingKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', text.encode(secret), 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: text.encode('broadsheet actor key v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** `iv.ciphertext`, both base64; the actor's identifier is the additional data, so rows cannot be swapped. */
async function wrap(secret: string, actor: string, pkcs8: ArrayBuffer): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text.encode(actor) },
    await wrappingKey(secret),
    pkcs8,
  )
  return `${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`
}

async function unwrap(secret: string, actor: string, wrapped: string): Promise<ArrayBuffer> {
  const [iv = '', sealed = ''] = wrapped.split('.')
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(iv), additionalData: text.encode(actor) },
    await wrappingKey(secret),
    fromBase64(sealed),
  )
}

async function newWrappedKey(secret: string, actor: string): Promise<string> {
  const made = (await crypto.subtle.generateKey(
    { ...RSA_ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair
  return wrap(secret, actor, (await crypto.subtle.exportKey('pkcs8', made.privateKey)) as ArrayBuffer)
}

/**
 * The stored key, made when there is none; a key wrapped under another secret (FEDI_PRIVATE_KEY was replaced) is
 * replaced by a new one, conditionally, so two isolates doing it at once keep one key.
 */
async function storedPair(db: D1Database, secret: string, actor: string): Promise<CryptoKeyPair> {
  const read = () =>
    db.prepare('SELECT wrapped FROM actor_keys WHERE actor = ?').bind(actor).first<{ wrapped: string }>()
  let row = await read()
  if (row === null) {
    await db
      .prepare('INSERT OR IGNORE INTO actor_keys (actor, wrapped, created_at) VALUES (?, ?, ?)')
      .bind(actor, await newWrappedKey(secret, actor), new Date().toISOString())
      .run()
    row = await read()
    if (row === null) throw new Error(`actor_keys: the key of ${actor} was not stored`)
  }
  try {
    return await pairFromPkcs8(await unwrap(secret, actor, row.wrapped))
  } catch {
    console.log(`fediverse: the key of ${actor} was made under another FEDI_PRIVATE_KEY; making a new one`)
    await db
      .prepare('UPDATE actor_keys SET wrapped = ?, created_at = ? WHERE actor = ? AND wrapped = ?')
      .bind(await newWrappedKey(secret, actor), new Date().toISOString(), actor, row.wrapped)
      .run()
    const now = await read()
    if (now === null) throw new Error(`actor_keys: the key of ${actor} was not stored`)
    return pairFromPkcs8(await unwrap(secret, actor, now.wrapped))
  }
}

/** The key pair of actor `identifier` (`paper` or `topic-{id}`), once per isolate and secret. */
export async function actorKeyPair(
  db: D1Database,
  secret: string | undefined,
  identifier: string,
): Promise<CryptoKeyPair> {
  if (identifier === PAPER_ID) return paperKeyPair(secret)
  await paperKeyPair(secret) // the same error as the paper's when the secret is missing
  const key = `${identifier}\n${secret}`
  const pairs = cached.get(db) ?? new Map<string, Promise<CryptoKeyPair>>()
  cached.set(db, pairs)
  let pair = pairs.get(key)
  if (!pair) {
    pair = storedPair(db, secret ?? '', identifier)
    pair.catch(() => pairs.delete(key))
    pairs.set(key, pair)
  }
  return pair
}
