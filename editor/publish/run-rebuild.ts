/** `content:publish -- --rebuild-heads`: rebuilds a lost head under the lease (docs/operators.md "Recovery"). */
import { hantEdition } from '../hant/hant-writes.ts'
import type { KvTarget } from './kv-store.ts'
import { openKvStore } from './kv-store.ts'
import { acquireLease, leaseOwner, releaseLease } from './publish-lease.ts'
import { RebuildError, rebuildHeads } from './rebuild-heads.ts'

export interface RebuildOptions {
  target: KvTarget
  /** The content tree: its glossary converts the Traditional edition's lost heads. */
  root: string
  dryRun: boolean
  now: Date
  breakLease?: boolean
  log: (line: string) => void
}

export type RebuildOutcome = { ok: true; written: number } | { ok: false; problems: string[] }

export async function runRebuildHeads(o: RebuildOptions): Promise<RebuildOutcome> {
  const store = await openKvStore(o.target)
  const owner = leaseOwner()
  let leased = false
  try {
    if (!o.dryRun) {
      await acquireLease(store, owner, o.now, o.breakLease)
      leased = true
    }
    const { entries, notes } = await rebuildHeads(store, hantEdition(o.root))
    for (const note of notes) o.log(note)
    if (o.dryRun || entries.length === 0) return { ok: true, written: 0 }
    await store.put(entries)
    o.log(`done: ${entries.length} heads written to ${store.where}`)
    return { ok: true, written: entries.length }
  } catch (e) {
    if (e instanceof RebuildError) return { ok: false, problems: [e.message] }
    throw e
  } finally {
    if (leased) await releaseLease(store, owner)
    await store.close()
  }
}
