/**
 * `npm run bench:workerd`: the bundled Worker directly in workerd through Miniflare's API (no wrangler proxy), on a
 * site of 1,000 articles, against a constant-response floor Worker in the same harness, in interleaved rounds;
 * plus nginx serving the same feed bytes, render times per format, and the bundle size.
 */
import { mkdir } from 'node:fs/promises'
import { get } from 'node:http'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { wranglerSettings } from '../editor/preview/wrangler-settings.ts'
import { keys } from '../model/store-keys.ts'
import { bundleSize, bundleSizeLine } from '../test/helpers/bundle-size.ts'
import { runBin } from '../test/helpers/run-command.ts'
import {
  interleavedRounds,
  printGoal,
  printReported,
  printRows,
  type Row,
  type Scenario,
} from './interleaved-rounds.ts'
import { startNginx } from './nginx-static.ts'
import { listeningPid } from './process-cpu.ts'
import { printRenderTimes } from './render-times.ts'
import { BENCH_SITE, prepareSite } from './workerd-site.ts'

const DIR = BENCH_SITE.dir
const SHAPE = BENCH_SITE.shape
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const OPTIONS = { rounds: ROUNDS, durationS: Number(process.env.BENCH_SECONDS ?? 3), connections: 32 }
const GZIP = { 'accept-encoding': 'gzip' }

/** The floor: a Worker that answers a constant response (the favicon's bytes and type), with the same config. */
const FLOOR_SCRIPT = `const BODY = ${JSON.stringify('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d1d1b"/></svg>')}
export default { fetch() { return new Response(BODY, { headers: { 'content-type': 'image/svg+xml' } }) } }`

/** The body exactly as sent (no content decoding), for a 200 with Content-Encoding gzip. */
function rawBody(url: string, headers: Record<string, string>): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        res.statusCode === 200 && res.headers['content-encoding'] === 'gzip'
          ? done(new Uint8Array(Buffer.concat(chunks)))
          : fail(new Error(`${url}: ${res.statusCode} ${res.headers['content-encoding']}`)),
      )
    }).on('error', fail)
  })
}

/** The headers a 200 carries as sent, without the ones the HTTP layer sets per connection. */
function rawHeaders(url: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const perConnection = new Set(['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'])
  return new Promise((done, fail) => {
    get(url, { headers }, (res) => {
      res.resume()
      const out: Record<string, string> = {}
      for (const [name, value] of Object.entries(res.headers))
        if (!perConnection.has(name) && value !== undefined)
          out[name] = Array.isArray(value) ? value.join(', ') : value
      res.on('end', () => (res.statusCode === 200 ? done(out) : fail(new Error(`${url}: ${res.statusCode}`))))
    }).on('error', fail)
  })
}

await mkdir(DIR, { recursive: true })
const { compatibilityDate, vars } = wranglerSettings()

const size = await bundleSize(join(DIR, 'bundle'))
const missBuild = await runBin('wrangler', [
  'deploy',
  '--dry-run',
  '--outdir',
  join(DIR, 'bundle-miss'),
  '--define',
  'BROADSHEET_BENCH_FORCE_MISS:true',
])
if (missBuild.code !== 0)
  throw new Error(`bundling the miss build failed:\n${missBuild.stdout}${missBuild.stderr}`)

const site = await prepareSite(DIR, SHAPE, BENCH_SITE.now)

/** One workerd per Worker, all alike: the bundle, the compatibility date, KV on the same persisted site. */
async function start(name: string, worker: { scriptPath: string } | { script: string }, extra = {}) {
  const mf = new Miniflare({
    name,
    modules: true,
    ...worker,
    compatibilityDate,
    kvNamespaces: ['CONTENT'],
    kvPersist: site.kvPersist,
    bindings: { ...vars, ...extra },
    cf: false,
    host: '127.0.0.1',
    port: 0,
  })
  const ready = await mf.ready
  const url = ready.href.replace(/\/$/, '')
  return { url, mf, pid: listeningPid(Number(ready.port)) }
}

const floor = await start('floor', { script: FLOOR_SCRIPT })
const app = await start('app', { scriptPath: join(DIR, 'bundle/index.js') })
const afterWindow = await start(
  'app-window-0',
  { scriptPath: join(DIR, 'bundle/index.js') },
  { ISOLATE_CACHE_SECONDS: '0' },
)
const miss = await start('app-miss', { scriptPath: join(DIR, 'bundle-miss/index.js') })
const servers = [floor, app, afterWindow, miss]
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined
try {
  /** Fetches once (warming the isolate) and returns the ETag and bytes as sent. */
  async function warm(url: string, headers: Record<string, string> = {}) {
    const res = await fetch(url, { headers })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const etag = res.headers.get('etag')
    if (res.status !== 200 || etag === null) throw new Error(`${url} answered ${res.status}`)
    return { etag, bytes, encoding: res.headers.get('content-encoding') }
  }
  const feed = '/feeds/all.rss'
  const hot = await warm(app.url + feed, GZIP)
  const cold = await warm(afterWindow.url + feed, GZIP)
  const plain = await warm(app.url + feed)
  // Node's fetch decodes gzip: nginx's .gz gets the Worker's gzip bytes through node:http, which does not.
  const gz = await rawBody(app.url + feed, GZIP)
  // The same floor, answering the feed's gzip bytes: how much of a hit's cost is moving ~8 KB, not our code.
  const sized = await start('floor-feed-bytes', {
    script: `const BODY = Uint8Array.from(atob(${JSON.stringify(Buffer.from(gz).toString('base64'))}), (c) => c.charCodeAt(0))
export default { fetch() { return new Response(BODY, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip' }, encodeBody: 'manual' }) } }`,
  })
  servers.push(sized)
  // And with every header the Worker sends on that hit (caching, validators, CSP, CORS…), in a ResponseInit built
  // once as the isolate cache keeps it (a Headers object: the runtime copies one far cheaper than a plain object):
  // what the runtime charges for the same response, so the rest of a hit's cost is our code.
  const sent = await rawHeaders(app.url + feed, GZIP)
  const dressed = await start('floor-feed-headers', {
    script: `const BODY = Uint8Array.from(atob(${JSON.stringify(Buffer.from(gz).toString('base64'))}), (c) => c.charCodeAt(0))
const INIT = { headers: new Headers(${JSON.stringify(sent)}), encodeBody: 'manual' }
export default { fetch() { return new Response(BODY, INIT) } }`,
  })
  servers.push(dressed)
  // That floor doing a forced miss's Cache API work (match, discard, put of the same bytes under one key): how much
  // of a miss is Miniflare's cache service, which on Cloudflare runs outside the isolate after the response.
  const cached = await start('floor-cache-api', {
    script: `const BODY = Uint8Array.from(atob(${JSON.stringify(Buffer.from(gz).toString('base64'))}), (c) => c.charCodeAt(0))
const KEY = 'http://floor.invalid/feeds/all.rss?__etag=x'
export default { async fetch(request, env, ctx) {
  const hit = await caches.default.match(KEY)
  await hit?.body?.cancel()
  ctx.waitUntil(caches.default.put(KEY, new Response(BODY, { headers: { 'cache-control': 'public, max-age=86400', 'content-type': 'application/octet-stream' } })))
  return new Response(BODY, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip' }, encodeBody: 'manual' })
} }`,
  })
  servers.push(cached)
  nginx = await startNginx(
    join(DIR, 'nginx'),
    new Map([
      [feed, plain.bytes],
      [`${feed}.gz`, gz],
    ]),
  )
  const paths = {
    articleFeed: `/feeds/${site.slug}.rss`,
    page: `/articles/${site.slug}`,
    widget: `/feeds/${site.slug}.json`,
  }
  for (const p of Object.values(paths)) await warm(app.url + p, GZIP)
  await warm(app.url + site.mediaPath)
  const scenarios: Scenario[] = [
    {
      name: `floor with the feed's ${(gz.byteLength / 1024).toFixed(1)} KB gzip body`,
      url: `${sized.url}/`,
      headers: GZIP,
      status: 200,
    },
    {
      name: `the same floor with the hit's ${Object.keys(sent).length} headers`,
      url: `${dressed.url}/`,
      headers: GZIP,
      status: 200,
    },
    { name: `${feed} hit (gzip)`, url: app.url + feed, headers: GZIP, status: 200 },
    {
      // Miniflare rewrites Accept-Encoding, as the edge does; the Worker reads the client's own value in cf.
      name: `${feed} hit, client takes no gzip`,
      url: app.url + feed,
      headers: { 'accept-encoding': 'identity' },
      status: 200,
    },
    {
      name: `${feed} 304 (If-None-Match)`,
      url: app.url + feed,
      headers: { ...GZIP, 'if-none-match': hot.etag },
      status: 304,
    },
    {
      name: `article feed ${paths.articleFeed} hit (gzip)`,
      url: app.url + paths.articleFeed,
      headers: GZIP,
      status: 200,
    },
    { name: `article page ${paths.page} hit (gzip)`, url: app.url + paths.page, headers: GZIP, status: 200 },
    {
      name: `widget JSON ${paths.widget} hit (gzip)`,
      url: app.url + paths.widget,
      headers: GZIP,
      status: 200,
    },
    { name: 'media file (WebP rendition) hit', url: app.url + site.mediaPath, status: 200 },
    {
      name: `${feed} after the window (1 KV read, bytes reused)`,
      url: afterWindow.url + feed,
      headers: GZIP,
      status: 200,
    },
    {
      name: `${feed} 304 after the window (1 KV read)`,
      url: afterWindow.url + feed,
      headers: { ...GZIP, 'if-none-match': cold.etag },
      status: 304,
    },
    {
      // Response caches miss (isolate, edge); feed items are built once per isolate, as after a publish.
      name: `${feed} miss (KV, render from built items, gzip, Cache API)`,
      url: miss.url + feed,
      headers: GZIP,
      status: 200,
    },
    {
      name: "the same floor with a miss's Cache API match + put",
      url: `${cached.url}/`,
      headers: GZIP,
      status: 200,
    },
    { name: `nginx static ${feed} (gzip_static)`, url: nginx.url + feed, headers: GZIP, status: 200 },
  ]
  const floorScenario: Scenario = {
    name: 'floor: constant-response Worker (no KV)',
    url: `${floor.url}/`,
    status: 200,
  }
  console.log(
    `bench:workerd  Miniflare ${site.entries.length} KV values (${SHAPE.articles} articles + 1 with photos), autocannon ${OPTIONS.connections} connections, ${OPTIONS.durationS} s × ${ROUNDS} interleaved rounds; median req/s, ratio to the floor median (min–max over rounds); CPU of the serving workerd per request and the floor's CPU / this one's`,
  )
  // Each workerd's CPU time per request as well (bench/process-cpu.ts): other jobs on the machine sway req/s far
  // more than the CPU a request takes.
  const withPid = (s: Scenario): Scenario => {
    const pid = servers.find((server) => s.url.startsWith(`${server.url}/`))?.pid
    return pid === undefined ? s : { ...s, pid }
  }
  const rows = await interleavedRounds(withPid(floorScenario), scenarios.map(withPid), OPTIONS)
  printRows(rows)
  const byName = (start: string): Row | undefined => rows.find((r) => r.name.startsWith(start))
  printGoal('hit', byName(`${feed} hit (gzip)`), 0.8)
  printGoal('304', byName(`${feed} 304 (If`), 0.85)
  printReported('miss (one KV read: the window over, content unchanged)', byName(`${feed} after the window`))
  printReported('cold miss (content changed: KV, render, gzip, Cache API)', byName(`${feed} miss`))
  printRenderTimes(site.entries, keys.article(site.slug))
  console.log(bundleSizeLine(size))
} finally {
  await nginx?.stop()
  for (const s of servers) await s.mf.dispose()
}
