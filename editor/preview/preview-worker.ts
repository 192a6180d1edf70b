/**
 * The preview's Workers: the production feed Worker (worker/index.ts, bundled by esbuild as wrangler bundles it)
 * and the discovery Worker behind its DISCOVERY binding (discovery/index.ts), in workerd through Miniflare's API,
 * in this process: no wrangler process, at start or per save. It serves the
 * preview's own local KV (`--persist-to`, the layout `wrangler dev` uses) and dist/assets, with wrangler.toml's
 * compatibility settings and [vars], and no freshness window (every save shows on the next request). The KV
 * bridge Worker beside it gives publish bulk access to the same namespace (editor/publish/bridge-kv-store.ts).
 */
import { resolve } from 'node:path'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { bridgeKvStore } from '../publish/bridge-kv-store.ts'
import type { KvStore, KvTarget } from '../publish/kv-store.ts'
import { bridgeWorker } from '../publish/local-kv-store.ts'
import { localStoreName } from '../publish/local-namespace.ts'
import { wranglerSettings } from './wrangler-settings.ts'

export interface PreviewWorker {
  /** The Worker's origin, e.g. http://127.0.0.1:41234. */
  url: string
  /** Local KV as publish writes it (left open until close). */
  store: KvStore
  close(): Promise<void>
}

/** A Worker's entry (`worker/index.ts`) as one ES module, with the resolution conditions wrangler gives Workers. */
async function bundleWorker(cwd: string, entry: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(cwd, entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    external: ['cloudflare:*', 'node:*'],
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  const file = out.outputFiles[0]
  if (!file) throw new Error('esbuild produced no Worker bundle')
  return file.text
}

export async function startPreviewWorker(target: KvTarget): Promise<PreviewWorker> {
  const bridge = bridgeWorker(target)
  const [script, discoveryScript, settings] = await Promise.all([
    bundleWorker(target.cwd, 'worker/index.ts'),
    bundleWorker(target.cwd, 'discovery/index.ts'),
    wranglerSettings(target.env),
  ])
  // Both Workers alike: wrangler.toml's compatibility settings and [vars] (discovery/wrangler.toml has the same),
  // the preview's KV, and no freshness window (every save must show on the next reload: docs/operators.md
  // "Caching and freshness").
  const common = {
    modules: true,
    compatibilityDate: settings.compatibilityDate,
    compatibilityFlags: settings.compatibilityFlags,
    kvNamespaces: { [target.binding]: bridge.worker.kvNamespaces.KV },
    bindings: { ...settings.vars, ISOLATE_CACHE_SECONDS: '0' },
  }
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    kvPersist: bridge.kvPersist,
    workers: [
      {
        name: 'broadsheet',
        script,
        ...common,
        serviceBindings: { DISCOVERY: 'broadsheet-discovery' },
        assets: {
          directory: resolve(target.cwd, 'dist/assets'),
          binding: 'ASSETS',
          routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
        },
      },
      { name: 'broadsheet-discovery', script: discoveryScript, ...common },
      bridge.worker,
    ],
  })
  const url = (await mf.ready).href.replace(/\/$/, '')
  const bridgeFetch = await mf.getWorker(bridge.worker.name)
  return {
    url,
    store: bridgeKvStore(
      (path, body) => bridgeFetch.fetch(`http://bridge.invalid${path}`, { method: 'POST', body }),
      localStoreName(target.persistTo),
      async () => {},
      // The preview's KV folder is its own (`--persist-to`): nothing else writes it while the preview runs.
      { exclusive: true },
    ),
    close: () => mf.dispose(),
  }
}
