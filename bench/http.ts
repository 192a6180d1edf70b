/** `npm run bench:http`: the Worker under wrangler dev against its own floor (a constant response), plus bundle size. */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { checkContent } from '../editor/content/check-content.ts'
import { buildEntries } from '../editor/publish/build-entries.ts'
import { runBin } from '../test/helpers/run-command.ts'
import { bundleSize } from './bundle-size.ts'
import { type BenchServer, startBenchServer } from './dev-server.ts'
import { generateContent } from './generate-content.ts'

/** 100 articles × 5 sections: 500 items, so /feeds/all.rss page 1 holds the full 50 items. */
const SHAPE = { articles: 100, sections: 5, photos: 1 }
const DURATION_S = 5
const CONNECTIONS = 32
const TMP = 'test/.tmp/bench-http'
const STATE = 'test/.tmp/bench-state'
const GZIP = { 'accept-encoding': 'gzip' }

interface Row {
  name: string
  rps: number
  p99: number
  bad: number
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

/** One bounded autocannon run; `expect` is the status every response must have. */
async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  expect: number,
): Promise<Row> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers })
  const good = expect === 304 ? r['3xx'] : r['2xx']
  return {
    name,
    rps: r.requests.average,
    p99: r.latency.p99,
    bad: r.requests.total - good + r.errors + r.timeouts,
  }
}

async function withServer<T>(extraArgs: string[], run: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startBenchServer(STATE, extraArgs)
  try {
    return await run(server)
  } finally {
    await server.stop()
  }
}

function print(rows: Row[]): void {
  const floor = rows[0]?.rps ?? Number.NaN
  console.log(`bench:http  wrangler dev --local, ${CONNECTIONS} connections, ${DURATION_S} s each`)
  for (const row of rows) {
    const ratio = (row.rps / floor).toFixed(2)
    const bad = row.bad === 0 ? '' : `   ${row.bad} unexpected responses/errors`
    console.log(
      `  ${row.name.padEnd(44)} ${row.rps.toFixed(0).padStart(6)} req/s  p99 ${String(row.p99).padStart(4)} ms  ${ratio}× floor${bad}`,
    )
  }
}

await mkdir(TMP, { recursive: true })
await seedLocalKv()
const rows: Row[] = []
await withServer([], async ({ url }) => {
  const first = await fetch(`${url}/feeds/all.rss`, { headers: GZIP })
  await first.arrayBuffer()
  const etag = first.headers.get('etag')
  if (first.status !== 200 || etag === null) throw new Error(`/feeds/all.rss answered ${first.status}`)
  rows.push(await measure('floor: /favicon.svg (constant, no KV)', `${url}/favicon.svg`, {}, 200))
  rows.push(await measure('/feeds/all.rss hit (gzip)', `${url}/feeds/all.rss`, GZIP, 200))
  rows.push(await measure('/feeds/all.rss hit (identity)', `${url}/feeds/all.rss`, {}, 200))
  rows.push(
    await measure(
      '/feeds/all.rss 304 (If-None-Match)',
      `${url}/feeds/all.rss`,
      { ...GZIP, 'if-none-match': etag },
      304,
    ),
  )
  rows.push(
    await measure('/articles/bench-article-1 hit (gzip)', `${url}/articles/bench-article-1`, GZIP, 200),
  )
})
// A miss is measured on a build where every edge-cache lookup is treated as a miss (the lookup and the
// store still happen): the only way to time a real miss path with a fixed URL and fixed content.
await withServer(['--define', 'BROADSHEET_BENCH_FORCE_MISS:true'], async ({ url }) => {
  rows.push(await measure('/feeds/all.rss miss (gzip: KV, render, gzip)', `${url}/feeds/all.rss`, GZIP, 200))
})
print(rows)
const size = await bundleSize('test/.tmp/bundle')
const kb = (n: number) => (n / 1024).toFixed(1)
console.log(
  `  bundle (wrangler deploy --dry-run)  ${kb(size.raw)} KB raw, ${kb(size.gzip)} KB gzip   goal <= 25 KB gzip: ${size.gzip <= 25 * 1024 ? 'met' : 'MISSED'}`,
)
