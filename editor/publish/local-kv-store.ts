/**
 * Local KV: the on-disk store `wrangler dev --persist-to DIR` serves (DIR/v3/kv), opened in this process with
 * Miniflare and written through a small bridge Worker one batch per request (kv-bridge-worker.ts). No wrangler
 * process, no platform proxy: opening costs one workerd start. Values go in as bytes or text exactly as given
 * (wrangler's own `kv bulk put --local` would store base64 values as UTF-8 text), and the listing follows every
 * cursor (`kv key list --local` stops at 1,000 keys).
 */
import { Miniflare } from 'miniflare'
import { bridgeKvStore } from './bridge-kv-store.ts'
import { KV_BRIDGE_SCRIPT } from './kv-bridge-worker.ts'
import type { KvStore, KvTarget } from './kv-store.ts'
import { localNamespace } from './local-namespace.ts'

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

export async function openLocalKvStore(t: KvTarget): Promise<KvStore> {
  const { worker, kvPersist } = bridgeWorker(t)
  const mf = new Miniflare({ ...worker, kvPersist })
  await mf.ready
  return bridgeKvStore(
    (path, body) => mf.dispatchFetch(`http://bridge.invalid${path}`, { method: 'POST', body }),
    `local KV (${t.persistTo ?? '.wrangler/state'})`,
    () => mf.dispose(),
  )
}
