/**
 * `npm run bench:profile`: where a request's CPU goes inside workerd. The Worker (bundled without minifying, so
 * functions keep their names) runs through Miniflare's API on bench:workerd's site with the V8 inspector open;
 * under autocannon load, V8's sampling profiler records each scenario and this prints the functions that took the
 * most samples: self time (the function's own code) and inclusive time (with what it calls). Native entries:
 * `(program)` is the runtime's own C++ (HTTP, streams), `(idle)` the isolate waiting, `Response` the constructor.
 */
import { join } from 'node:path'
import autocannon from 'autocannon'
import { Miniflare, fetch as mfFetch, type WebSocket } from 'miniflare'
import { freePort } from '../editor/preview/free-port.ts'
import { wranglerSettings } from '../editor/preview/wrangler-settings.ts'
import { runBin } from '../test/helpers/run-command.ts'
import { BENCH_SITE, prepareSite } from './workerd-site.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const TOP = 12
const GZIP = { 'accept-encoding': 'gzip' }

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** A minimal Chrome DevTools Protocol client over the inspector's WebSocket. */
async function inspector(url: string) {
  const res = await mfFetch(url, { headers: { upgrade: 'websocket' } })
  const ws: WebSocket | null = res.webSocket
  if (ws === null) throw new Error(`no WebSocket at ${url}`)
  ws.accept()
  let id = 0
  const waiting = new Map<number, (result: unknown) => void>()
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown }
    if (message.id !== undefined) waiting.get(message.id)?.(message.result)
  })
  return {
    send(method: string, params: object = {}): Promise<unknown> {
      const sent = ++id
      ws.send(JSON.stringify({ id: sent, method, params }))
      return new Promise((done) => waiting.set(sent, done))
    },
    close: () => ws.close(),
  }
}

/** Samples per function name (self and inclusive), as shares of all samples. */
function summarize(profile: { nodes: ProfileNode[]; samples: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const name = (n: ProfileNode) =>
    n.callFrame.url === ''
      ? n.callFrame.functionName || '(native)'
      : `${n.callFrame.functionName || '(anonymous)'} :${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  for (const sample of profile.samples) {
    const node = byId.get(sample)
    if (node === undefined) continue
    self.set(name(node), (self.get(name(node)) ?? 0) + 1)
    const seen = new Set<string>()
    for (let at: ProfileNode | undefined = node; at !== undefined; at = byId.get(parent.get(at.id) ?? -1)) {
      const key = name(at)
      if (key === '(root)' || seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1)
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, n]) => [k, (100 * n) / profile.samples.length] as const)
  return { self: top(self), inclusive: top(inclusive) }
}

const DIR = BENCH_SITE.dir
const site = await prepareSite(DIR, BENCH_SITE.shape, BENCH_SITE.now)
const bundle = join(DIR, 'bundle-unminified')
const built = await runBin('wrangler', ['deploy', '--dry-run', '--minify=false', '--outdir', bundle])
if (built.code !== 0) throw new Error(`bundling failed:\n${built.stdout}${built.stderr}`)
const { compatibilityDate, vars } = wranglerSettings()
const inspectorPort = await freePort()
const mf = new Miniflare({
  name: 'app',
  modules: true,
  scriptPath: join(bundle, 'index.js'),
  compatibilityDate,
  kvNamespaces: ['CONTENT'],
  kvPersist: site.kvPersist,
  bindings: vars,
  cf: false,
  host: '127.0.0.1',
  port: 0,
  inspectorPort,
})
try {
  const origin = (await mf.ready).href.replace(/\/$/, '')
  const feed = `${origin}/feeds/all.rss`
  const first = await fetch(feed, { headers: GZIP })
  await first.arrayBuffer()
  const etag = first.headers.get('etag') ?? ''
  const cdp = await inspector(`http://127.0.0.1:${inspectorPort}/core:user:app`)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
  const scenarios = [
    { name: '/feeds/all.rss hit (gzip)', url: feed, headers: GZIP },
    { name: '/feeds/all.rss 304', url: feed, headers: { ...GZIP, 'if-none-match': etag } },
    { name: `article page hit`, url: `${origin}/articles/${site.slug}`, headers: GZIP },
  ]
  console.log(
    `bench:profile  V8 sampling profiler (50 µs) in the Worker's isolate, Miniflare, ${SECONDS} s of autocannon (32 connections) per scenario; share of all samples`,
  )
  for (const s of scenarios) {
    await autocannon({ url: s.url, headers: s.headers, connections: 32, duration: 1 })
    await cdp.send('Profiler.start')
    const run = await autocannon({ url: s.url, headers: s.headers, connections: 32, duration: SECONDS })
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[] }
    }
    const { self, inclusive } = summarize(profile)
    console.log(`\n  ${s.name}: ${Math.round(run.requests.average)} req/s, ${profile.samples.length} samples`)
    console.log('    self                                         inclusive')
    for (let i = 0; i < TOP; i++) {
      const a = self[i]
      const b = inclusive[i]
      const cell = (x: readonly [string, number] | undefined) =>
        x === undefined ? '' : `${x[1].toFixed(1).padStart(5)}%  ${x[0]}`
      console.log(`    ${cell(a).padEnd(45)}${cell(b)}`)
    }
  }
  cdp.close()
} finally {
  await mf.dispose()
}
