/** `npm run bench:http`: the Worker under wrangler dev against its own floor (a constant response), plus bundle size. */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { checkContent } from '../editor/content/check-content.ts'
import { buildEntries } from '../editor/publish/build-entries.ts'
import { runBin } from '../test/helpers/run-command.ts'
import { startWranglerDev } from '../test/helpers/wrangler-dev.ts'
import { bundleSize } from './bundle-size.ts'
import { generateContent } from './generate-content.ts'

/** 100 articles × 5 sections: 500 items, so /feeds/all.rss page 1 holds the full 50 items. */
const SHAPE = { articles: 100, sections: 5, photos: 1 }
/** Each scenario runs ROUNDS times, interleaved with the floor, so drifting machine load hits both alike. */
const ROUNDS = 3
const DURATION_S = 3
const CONNECTIONS = 32
const TMP = 'test/.tmp/bench-http'
const STATE = 'test/.tmp/bench-state'
const BUNDLE = 'test/.tmp/bundle'
const MISS_BUNDLE = 'test/.tmp/bundle-miss'
const GZIP = { 'accept-encoding': 'gzip' }

interface Scenario {
  name: string
  path: string
  headers: Record<string, string>
  status: 200 | 304
}

interface Row {
  name: string
  rps: number
  p99: number
  ratio: number
  bad: number
}

const FLOOR: Scenario = {
  name: 'floor: /favicon.svg (constant, no KV)',
  path: '/favicon.svg',
  headers: {},
  status: 200,
}

/** Generates content with the editors' own pipeline and writes it to local KV with wrangler. */
async function seedLocalKv(): Promise<void> {
  await rm(TMP, { recursive: true, force: true })
  await rm(STATE, { recursive: true, force: true })
  await generateContent(join(TMP, 'content'), SHAPE)
  const { articles, problems } = await checkContent(join(TMP, 'content'))
  if (problems.length > 0) throw new Error(`generated content has problems: ${problems[0]?.message}`)
  const built = buildEntries(articles, { sections: {} }, new Date('2026-11-24T00:00:00Z'))
  const file = join(TMP, 'bulk.json')
  await writeFile(file, JSON.stringify([...built.content, ...built.aggregates]))
  const put = await runBin('wrangler', [
    'kv',
    'bulk',
    'put',
    file,
    '--binding',
    'CONTENT',
    '--local',
    '--persist-to',
    STATE,
  ])
  if (put.code !== 0) throw new Error(`wrangler kv bulk put failed:\n${put.stdout}${put.stderr}`)
}

/** One bounded autocannon run: requests/s, p99 and how many responses were not the expected status. */
async function measure(origin: string, s: Scenario) {
  const r = await autocannon({
    url: origin + s.path,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: s.headers,
  })
  const good = s.status === 304 ? r['3xx'] : r['2xx']
  return { rps: r.requests.average, p99: r.latency.p99, bad: r.requests.total - good + r.errors + r.timeouts }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

/** Runs the floor and each scenario in ROUNDS interleaved rounds on one wrangler dev; medians per scenario. */
async function runOn(
  extraArgs: string[],
  scenarios: (origin: string) => Promise<Scenario[]>,
): Promise<Row[]> {
  const server = await startWranglerDev(STATE, 60_000, extraArgs)
  try {
    const list = [FLOOR, ...(await scenarios(server.url))]
    const runs = list.map(() => [] as { rps: number; p99: number; bad: number; ratio: number }[])
    for (let round = 0; round < ROUNDS; round++) {
      let floor = Number.NaN
      for (const [i, s] of list.entries()) {
        const m = await measure(server.url, s)
        if (i === 0) floor = m.rps
        runs[i]?.push({ ...m, ratio: m.rps / floor })
      }
    }
    return list.map((s, i) => {
      const r = runs[i] ?? []
      const rps = median(r.map((x) => x.rps))
      const ratio = median(r.map((x) => x.ratio))
      return {
        name: s.name,
        rps,
        p99: median(r.map((x) => x.p99)),
        ratio,
        bad: r.reduce((n, x) => n + x.bad, 0),
      }
    })
  } finally {
    await server.stop()
  }
}

function print(title: string, rows: Row[]): void {
  console.log(title)
  for (const row of rows) {
    const bad = row.bad === 0 ? '' : `   ${row.bad} unexpected responses/errors`
    console.log(
      `  ${row.name.padEnd(46)} ${row.rps.toFixed(0).padStart(6)} req/s  p99 ${String(row.p99).padStart(4)} ms  ${row.ratio.toFixed(2)}× floor${bad}`,
    )
  }
}

await mkdir(TMP, { recursive: true })
await seedLocalKv()
// wrangler dev serves the bundles `wrangler deploy --dry-run` makes (--no-bundle): what would be deployed, and
// immune to other edits of worker/ during the run (dev would rebuild and drop connections on each).
const size = await bundleSize(BUNDLE)
const missBuild = await runBin('wrangler', [
  'deploy',
  '--dry-run',
  '--outdir',
  MISS_BUNDLE,
  '--define',
  'BROADSHEET_BENCH_FORCE_MISS:true',
])
if (missBuild.code !== 0)
  throw new Error(`bundling the miss build failed:\n${missBuild.stdout}${missBuild.stderr}`)
console.log(
  `bench:http  wrangler dev --local, ${CONNECTIONS} connections, ${DURATION_S} s × ${ROUNDS} interleaved rounds, medians`,
)
const warm = await runOn([`${BUNDLE}/index.js`, '--no-bundle'], async (origin) => {
  const first = await fetch(`${origin}/feeds/all.rss`, { headers: GZIP })
  await first.arrayBuffer()
  const etag = first.headers.get('etag')
  if (first.status !== 200 || etag === null) throw new Error(`/feeds/all.rss answered ${first.status}`)
  return [
    { name: '/feeds/all.rss hit (gzip)', path: '/feeds/all.rss', headers: GZIP, status: 200 },
    { name: '/feeds/all.rss hit (identity)', path: '/feeds/all.rss', headers: {}, status: 200 },
    {
      name: '/feeds/all.rss 304 (If-None-Match)',
      path: '/feeds/all.rss',
      headers: { ...GZIP, 'if-none-match': etag },
      status: 304,
    },
    {
      name: '/articles/bench-article-1 hit (gzip)',
      path: '/articles/bench-article-1',
      headers: GZIP,
      status: 200,
    },
  ]
})
print('  edge cache warm', warm)
// A miss is timed on a build where every edge-cache lookup counts as a miss (the lookup and the store still
// happen), via `--define`: the only honest way to time the miss path with a fixed URL and fixed content.
const cold = await runOn([`${MISS_BUNDLE}/index.js`, '--no-bundle'], async () => [
  {
    name: '/feeds/all.rss miss (KV, render, gzip, store)',
    path: '/feeds/all.rss',
    headers: GZIP,
    status: 200,
  },
])
print('  every lookup a miss', cold)
const kb = (n: number) => (n / 1024).toFixed(1)
console.log(
  `  bundle (wrangler deploy --dry-run)  ${kb(size.raw)} KB raw, ${kb(size.gzip)} KB gzip   goal <= 25 KB gzip: ${size.gzip <= 25 * 1024 ? 'met' : 'MISSED'}`,
)
