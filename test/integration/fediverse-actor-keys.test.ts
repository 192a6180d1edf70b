/**
 * A topic actor's key on Miniflare's D1: made once and kept, never stored in the clear, and replaced by a new one
 * when FEDI_PRIVATE_KEY (which wraps it) is replaced.
 */
import { describe, expect, it } from 'vitest'
import { devPrivateKey } from '../../editor/start/fediverse-dev-vars.ts'
import { actorKeyPair } from '../../fediverse/actor-keys.ts'
import { useFederationD1 } from '../helpers/miniflare-d1.ts'

const testD1 = useFederationD1()
const spki = async (pair: CryptoKeyPair) =>
  Buffer.from((await crypto.subtle.exportKey('spki', pair.publicKey)) as ArrayBuffer).toString('base64')
const FIRST = devPrivateKey()
const SECOND = devPrivateKey()

describe("a topic actor's key", () => {
  it('is made once, kept wrapped (iv.ciphertext, no PEM) and the same on every later use', async () => {
    const made = await spki(await actorKeyPair(testD1().db, FIRST, 'topic-qijiang'))
    const row = await testD1()
      .db.prepare('SELECT wrapped FROM actor_keys WHERE actor = ?')
      .bind('topic-qijiang')
      .first<{ wrapped: string }>()
    expect(row?.wrapped).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/)
    expect(await spki(await actorKeyPair(testD1().db, FIRST, 'topic-qijiang'))).toBe(made)
    expect(await spki(await actorKeyPair(testD1().db, FIRST, 'topic-main-urban-area'))).not.toBe(made)
  })

  it('is replaced by a new one under a new FEDI_PRIVATE_KEY, which then stays', async () => {
    const before = await spki(await actorKeyPair(testD1().db, FIRST, 'topic-qijiang'))
    const after = await spki(await actorKeyPair(testD1().db, SECOND, 'topic-qijiang'))
    expect(after).not.toBe(before)
    expect(await spki(await actorKeyPair(testD1().db, SECOND, 'topic-qijiang'))).toBe(after)
  })
})
