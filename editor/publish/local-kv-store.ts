/**
 * Local KV: the on-disk store `wrangler dev --persist-to DIR` serves (DIR/v3/kv), opened in this process with
 * Miniflare and written through a small bridge Worker one batch per request (kv-bridge-worker.ts). No wrangler
 * process, no platform proxy: writing costs one workerd start, and reading none (openLocalKvStore). Values go in as bytes or text exactly as given
 * (wrangler's own `kv bulk put --local` would store base64 values as UTF-8 text), and the listing follows every
 * cursor (`kv key list --local` stops at 1,000 keys).
 */
import { bridgeKvStore } from './bridge-kv-store.ts'
import { KV_BRIDGE_SCRIPT } from './kv-bridge-worker.ts'
import type { KvStore, KvTarget } from './kv-store.ts'
import { localNamespace } from './local-namespace.ts'
import { peekLocalKv } from './peek-local-kv.ts'

/** The bridge Worker's options for Miniflare, on the namespace `t` names. */
export function bridgeWorker(t: KvTarget) {
  const { kvPersist, id } = localNamespace(t.cwd, t.binding, t.persistTo ?? '.wrangler/state', t.env)
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
 * Local KV read from its files (peek-local-kv.ts) until the first write, then through the bridge Worker: a publish
 * that finds nothing to write never starts workerd. The first write (the lease) switches every later read to
 * workerd too, so what publish plans under the lease comes from the store it writes. A read the files cannot
 * answer is asked of workerd.
 */
export async function openLocalKvStore(t: KvTarget): Promise<KvStore> {
  const where = `local KV (${t.persistTo ?? '.wrangler/state'})`
  const { id, kvPersist } = localNamespace(t.cwd, t.binding, t.persistTo ?? '.wrangler/state', t.env)
  const peek = peekLocalKv(kvPersist, id, where)
  if (!peek) return openBridge(t, where)
  let bridge: Promise<KvStore> | null = null
  const writer = () => {
    bridge ??= peek.close().then(() => openBridge(t, where))
    return bridge
  }
  const read = async <T>(op: (s: KvStore) => Promise<T>): Promise<T> => {
    if (!bridge)
      try {
        return await op(peek)
      } catch {
        // Not readable from the files after all: workerd answers from here on.
      }
    return op(await writer())
  }
  return {
    where,
    list: (prefix) => read((s) => s.list(prefix)),
    getJson: (keys) => (keys.length === 0 ? Promise.resolve(new Map()) : read((s) => s.getJson(keys))),
    absent: (keys) => (keys.length === 0 ? Promise.resolve(new Set()) : read((s) => s.absent(keys))),
    put: async (entries) => (await writer()).put(entries),
    delete: async (keys) => (keys.length === 0 && !bridge ? undefined : (await writer()).delete(keys)),
    close: async () => (bridge ? (await bridge).close() : peek.close()),
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
