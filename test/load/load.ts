/**
 * `npm run load [-- --seconds 30 --connections 64]`: wrangler dev under a mixed load (feeds in three formats, 304s,
 * pages, widget JSON, images) while content:publish edits, adds and removes articles. Exit 1 on any error, any 5xx,
 * a malformed body, two bodies under one ETag, or a listed article that cannot be served.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { generateContent } from '../helpers/generate-content.ts'
import { startWranglerDev } from '../helpers/wrangler-dev.ts'
import { checkConsistency } from './check-consistency.ts'
import { churn, publishOnce } from './churn-content.ts'
import { sampleBodies } from './sample-bodies.ts'

const { values } = parseArgs({ options: { seconds: { type: 'string' }, connections: { type: 'string' } } })
const seconds = Number(values.seconds ?? 30)
const connections = Number(values.connections ?? 64)

const work = await mkdtemp(join(tmpdir(), 'broadsheet-load-'))
const root = join(work, 'content')
const state = join(work, 'state')
await cp('content', root, { recursive: true })
await generateContent(root, { articles: 5, sections: 5, photos: 2 })
const failed = await publishOnce(root, state)
if (failed) throw new Error(failed)
// The consistency check asks what KV holds between publishes (listed ⇒ servable), so this run reads KV on every
// request; the isolate's freshness window (docs/operators.md "Caching and freshness") lags each URL on its own by design.
const dev = await startWranglerDev(state, 120_000, ['--var', 'ISOLATE_CACHE_SECONDS:0'])
const base = dev.url

const seedEtag = (await fetch(`${base}/feeds/qijiang-strategic-pivot.atom`)).headers.get('etag') ?? '"none"'
const allEtag = (await fetch(`${base}/feeds/all.rss`)).headers.get('etag') ?? '"none"'
const seedHtml = await (await fetch(`${base}/articles/qijiang-strategic-pivot`)).text()
const mediaPath = /src="[^"]*?(\/media\/[0-9a-f]{32}\.[a-z]+)"/.exec(seedHtml)?.[1] ?? '/media/missing'

const statuses = new Map<number, number>()
const problems: string[] = []
/** The load generator only counts statuses: its body strings are not decoded reliably (sample-bodies.ts checks bodies). */
function onResponse(path: string) {
  return (status: number) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    if (status >= 500) problems.push(`${status} on ${path}`)
  }
}
const get = (path: string, headers: Record<string, string> = {}) => ({
  method: 'GET' as const,
  path,
  headers,
  onResponse: onResponse(path),
})
const requests = [
  get('/feeds/all.rss'),
  get('/feeds/all.atom'),
  get('/feeds/all.json'),
  get('/feeds/qijiang-strategic-pivot.rss'),
  get('/feeds/qijiang-strategic-pivot.atom', { 'if-none-match': seedEtag }),
  get('/feeds/all.rss', { 'if-none-match': allEtag }),
  get('/feeds/bench-article-1.json'),
  get('/articles/qijiang-strategic-pivot'),
  get('/'),
  get('/feeds.opml'),
  get(mediaPath),
  get('/feeds/all.json', { 'accept-encoding': 'gzip' }),
]

// Before the load: every URL of the mix must answer 200 (or 304 when conditional), else the run would measure 404s.
for (const r of requests) {
  const res = await fetch(`${base}${r.path}`, { headers: r.headers })
  await res.arrayBuffer()
  if (res.status !== 200 && res.status !== 304)
    throw new Error(`${r.path} answered ${res.status} before the load`)
}

const stop = new AbortController()
const churning = churn(root, state, stop.signal)
const checking = checkConsistency(base, stop.signal)
const sampling = sampleBodies(base, [...new Set(requests.map((r) => r.path))], stop.signal)
const result = await autocannon({ url: base, connections, duration: seconds, requests, timeout: 10 })
stop.abort()
const [churnStats, consistency, samples] = await Promise.all([churning, checking, sampling])
await dev.stop()
await rm(work, { recursive: true, force: true })

const codes = [...statuses]
  .sort(([a], [b]) => a - b)
  .map(([s, n]) => `${s}: ${n.toLocaleString('en')}`)
  .join(', ')
console.log(`load: ${seconds} s, ${connections} connections, ${requests.length} request kinds`)
console.log(
  `  requests: ${result.requests.total.toLocaleString('en')} (${Math.round(result.requests.average)}/s)`,
)
console.log(`  errors: ${result.errors}, timeouts: ${result.timeouts}, statuses: ${codes}`)
console.log(
  `  latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
)
console.log(`  publishes during the run: ${churnStats.publishes} (failed: ${churnStats.failures.length})`)
console.log(
  `  consistency: ${consistency.rounds} rounds, ${consistency.checked} listed articles fetched, ${consistency.violations.length} violations`,
)
console.log(
  `  bodies checked (JSON/XML well-formed, one body per ETag): ${samples.fetched}, problems: ${samples.problems.length}`,
)
const all = [...problems, ...samples.problems, ...churnStats.failures, ...consistency.violations]
if (result.errors > 0 || result.timeouts > 0) all.push(`${result.errors} errors, ${result.timeouts} timeouts`)
for (const p of all.slice(0, 20)) console.log(`  FAIL ${p}`)
console.log(all.length === 0 ? 'load: PASS' : `load: FAIL (${all.length} problems)`)
process.exit(all.length === 0 ? 0 : 1)
