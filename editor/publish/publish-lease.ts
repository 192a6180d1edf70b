/**
 * A lease key (`v2:lease`: owner and expiry) held while a publish writes. A second publish that finds a live
 * lease of another owner stops. Locally this is exact; on Cloudflare KV is eventually consistent (a write can take
 * up to 60 s to be seen elsewhere), so the lease is advisory there: the team path serialises publishes in CI
 * (.github/workflows/publish.yml, one concurrency group).
 */
import { randomBytes } from 'node:crypto'
import { hostname, userInfo } from 'node:os'
import { keys } from '../../model/store-keys.ts'
import { contentHash } from './content-hash.ts'
import type { KvStore } from './kv-store.ts'

/** Long enough for a full publish of a large site; a crashed publish blocks others at most this long. */
export const LEASE_MS = 30 * 60_000

export class LeaseHeldError extends Error {
  override readonly name = 'LeaseHeldError'
  constructor(owner: string, expires: string) {
    super(
      `another publish is running (${owner}, lease until ${expires}); wait for it to finish and publish again. If it crashed, wait until the lease expires or remove it with --break-lease`,
    )
  }
}

interface Lease {
  owner: string
  expires: string
}

function parseLease(v: unknown): Lease | null {
  if (typeof v !== 'object' || v === null) return null
  const { owner, expires } = v as Record<string, unknown>
  return typeof owner === 'string' && typeof expires === 'string' ? { owner, expires } : null
}

/** A name for this publish: who, where, which process, plus randomness so two runs never share one. */
export const leaseOwner = (): string =>
  `${userInfo().username}@${hostname()} pid ${process.pid} ${randomBytes(4).toString('hex')}`

/** Takes the lease or throws LeaseHeldError; `force` takes it even from a live owner (--break-lease). */
export async function acquireLease(store: KvStore, owner: string, now: Date, force = false): Promise<void> {
  const held = parseLease((await store.getJson([keys.lease()])).get(keys.lease()))
  if (held && !force && held.owner !== owner && Date.parse(held.expires) > now.getTime())
    throw new LeaseHeldError(held.owner, held.expires)
  const lease: Lease = { owner, expires: new Date(now.getTime() + LEASE_MS).toISOString() }
  const value = JSON.stringify(lease)
  await store.put([{ key: keys.lease(), value, metadata: { h: contentHash(value) } }])
  const after = parseLease((await store.getJson([keys.lease()])).get(keys.lease()))
  if (after && after.owner !== owner) throw new LeaseHeldError(after.owner, after.expires)
}

/** Gives the lease back if it is still ours. */
export async function releaseLease(store: KvStore, owner: string): Promise<void> {
  const held = parseLease((await store.getJson([keys.lease()])).get(keys.lease()))
  if (held?.owner === owner) await store.delete([keys.lease()])
}
