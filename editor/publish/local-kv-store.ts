/**
 * Local KV: the on-disk store `wrangler dev --persist-to DIR` serves (DIR/v3/kv), read and written through its
 * files (local-kv-files.ts), or, until its first write created them, opened in this process with Miniflare and
 * written through a small bridge Worker one batch per request (kv-bridge-worker.ts). No wrangler process, no platform
 * proxy. Values go in as bytes or text exactly as given (wrangler's own `kv bulk put --local` would store base64
 * values as UTF-8 text), and the listing follows every cursor (`kv key list --local` stops at 1,000 keys).
 */
import { bridgeKvStore } from './bridge-kv-store.ts'
import { KV_BRIDGE_SCRIPT } from './kv-bridge-worker.ts'
import type { KvStore, KvTarget } from './kv-store.ts'
import { localKvFiles } from './local-kv-files.ts'
import { DEFAULT_PERSIST, localNamespace, localStoreName } from './local-namespace.ts'

/** The bridge Worker's options for Miniflare, on the namespace `t` names. */
export function bridgeWorker(t: KvTarget) {
  const { kvPersist, id } = localNamespace(t.cwd, t.binding, t.persistTo ?? DEFAULT_PERSIST, t.env)
  return {
    worker: {
      name: 'broadsheet-kv-bridge',
      modules: true,
      script: KV_BRIDGE_SCRIPT,
      compatibilityDate: '2026-04-26',
      kvNamespaces: { KV: id },
    },
    kvPersist,
  }
}

/**
 * Local KV through its files (local-kv-files.ts): a publish, reading or writing, starts no workerd. Until the
 * namespace has files (its first publish), the bridge Worker in workerd answers, and its first write creates them:
 * from then on the files answer, so a first publish writes its values at the files' speed. Once the files answer
 * something they cannot (another layout of Miniflare's, no python3), workerd answers everything. A write that failed
 * through the files committed all of its values or none (one SQLite transaction), so writing it again through
 * workerd is safe.
 */
export async function openLocalKvStore(
  t: KvTarget,
  /** A store on the namespace through a workerd the caller runs (the preview's), used instead of starting one. */
  o: { workerd?: KvStore } = {},
): Promise<KvStore> {
  const where = localStoreName(t.persistTo)
  const { id, kvPersist } = localNamespace(t.cwd, t.binding, t.persistTo ?? DEFAULT_PERSIST, t.env)
  const filesNow = () => localKvFiles(kvPersist, id, where)
  let files = filesNow()
  // Set when files answered something they could not: workerd answers from then on.
  let failed = false
  let bridge: Promise<KvStore> | null = null
  const workerd = () => {
    bridge ??= o.workerd ? Promise.resolve(o.workerd) : openBridge(t, where)
    return bridge
  }
  /** Operations running through workerd: it closes once they have ended (a publish reads while it writes). */
  const through = new Set<Promise<unknown>>()
  /** workerd done with: the files answer from here on (the caller's workerd is the caller's to close). */
  const leaveWorkerd = async (opened: KvStore) => {
    bridge = null
    if (o.workerd) return
    await Promise.allSettled([...through])
    await opened.close()
  }
  const run = async <T>(op: (s: KvStore) => Promise<T>, writes = false): Promise<T> => {
    if (files && !failed)
      try {
        return await op(files)
      } catch {
        // Not workable through the files after all: workerd answers from here on.
        failed = true
        await files.close()
      }
    const opening = workerd()
    const running = opening.then(op)
    through.add(running)
    let result: T
    try {
      result = await running
    } finally {
      through.delete(running)
    }
    if (writes && !files && !failed) {
      // The namespace's first write through workerd created its files.
      files = filesNow()
      if (files) await leaveWorkerd(await opening)
    }
    return result
  }
  return {
    where,
    list: (prefix) => run((s) => s.list(prefix)),
    getJson: (keys) => (keys.length === 0 ? Promise.resolve(new Map()) : run((s) => s.getJson(keys))),
    absent: (keys) => (keys.length === 0 ? Promise.resolve(new Set()) : run((s) => s.absent(keys))),
    metadataOf: (keys) => run(async (s) => (s.metadataOf ? s.metadataOf(keys) : null)),
    put: (entries) => (entries.length === 0 ? Promise.resolve() : run((s) => s.put(entries), true)),
    delete: (keys) => (keys.length === 0 ? Promise.resolve() : run((s) => s.delete(keys), true)),
    close: async () => {
      if (files && !failed) await files.close()
      if (bridge) await leaveWorkerd(await bridge)
    },
  }
}

/** The store through the bridge Worker in a workerd of its own. */
async function openBridge(t: KvTarget, where: string): Promise<KvStore> {
  const { Miniflare } = await import('miniflare')
  const { worker, kvPersist } = bridgeWorker(t)
  const mf = new Miniflare({ ...worker, kvPersist })
  await mf.ready
  return bridgeKvStore(
    (path, body) => mf.dispatchFetch(`http://bridge.invalid${path}`, { method: 'POST', body }),
    where,
    () => mf.dispose(),
  )
}
