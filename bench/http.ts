/** `npm run bench:http`: the Worker under wrangler dev against its own floor (a constant response), plus bundle size. */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleSize, bundleSizeLine } from '../test/helpers/bundle-size.ts'
import { generateContent } from '../test/helpers/generate-content.ts'
import { runBin } from '../test/helpers/run-command.ts'
import { startWranglerDev } from '../test/helpers/wrangler-dev.ts'
import {
  interleavedRounds,
  printGoal,
  printReported,
  printRows,
  type Row,
  type Scenario,
} from './interleaved-rounds.ts'

/** 100 articles × 5 sections: 500 items, so /feeds/all.rss shows a full head page (the log's page size). */
// No photos: publish encodes renditions before building (bench:images' subject), and this run times feeds.
const SHAPE = { articles: 100, sections: 5, photos: 0 }
/** Each scenario runs ROUNDS times, interleaved with the floor, so drifting machine load hits both alike. */
const ROUNDS = 3
const DURATION_S = 3
const CONNECTIONS = 32
const OPTIONS = { rounds: ROUNDS, durationS: DURATION_S, connections: CONNECTIONS }
const TMP = 'test/.tmp/bench-http'
const STATE = 'test/.tmp/bench-state'
const BUNDLE = 'test/.tmp/bundle'
const MISS_BUNDLE = 'test/.tmp/bundle-miss'
const GZIP = { 'accept-encoding': 'gzip' }

const FLOOR_PATH = '/favicon.svg'
const FLOOR_NAME = 'floor: /favicon.svg (constant, no KV)'

/** Generates content and publishes it to local KV with the editors' own publish. */
async function seedLocalKv(): Promise<void> {
  await rm(TMP, { recursive: true, force: true })
  await rm(STATE, { recursive: true, force: true })
  await generateContent(join(TMP, 'content'), SHAPE)
  // The real publish (local KV through wrangler's platform proxy): binary media arrive byte for byte.
  const put = await runBin(
    'tsx',
    ['editor/publish.ts', '--local', '--persist-to', STATE, '--root', join(TMP, 'content')],
    600_000,
  )
  if (put.code !== 0) throw new Error(`content:publish failed:\n${put.stdout}${put.stderr}`)
}

/** Interleaved rounds on one wrangler dev: the floor first and last in each round, the scenarios between. */
async function runOn(
  extraArgs: string[],
  scenarios: (origin: string) => Promise<Scenario[]>,
): Promise<Row[]> {
  const server = await startWranglerDev(STATE, 60_000, extraArgs)
  try {
    const floor: Scenario = { name: FLOOR_NAME, url: server.url + FLOOR_PATH, status: 200 }
    return await interleavedRounds(floor, await scenarios(server.url), OPTIONS)
  } finally {
    await server.stop()
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
/** Requests `/feeds/all.rss` once (warming the isolate) and returns its ETag. */
async function warmFeed(origin: string): Promise<string> {
  const first = await fetch(`${origin}/feeds/all.rss`, { headers: GZIP })
  await first.arrayBuffer()
  const etag = first.headers.get('etag')
  if (first.status !== 200 || etag === null) throw new Error(`/feeds/all.rss answered ${first.status}`)
  return etag
}

// The feed Worker alone (`-c wrangler.toml`): every path measured is its own.
const warm = await runOn(['-c', 'wrangler.toml', `${BUNDLE}/index.js`, '--no-bundle'], async (origin) => {
  const etag = await warmFeed(origin)
  const feed = `${origin}/feeds/all.rss`
  return [
    { name: '/feeds/all.rss hit (gzip)', url: feed, headers: GZIP, status: 200 },
    {
      // The Worker sends gzip (wrangler dev rewrites Accept-Encoding, as the edge does); the proxy decodes it.
      name: '/feeds/all.rss hit, client takes no gzip',
      url: feed,
      headers: { 'accept-encoding': 'identity' },
      status: 200,
    },
    {
      name: '/feeds/all.rss 304 (If-None-Match)',
      url: feed,
      headers: { ...GZIP, 'if-none-match': etag },
      status: 304,
    },
    {
      name: '/articles/bench-article-1 hit (gzip)',
      url: `${origin}/articles/bench-article-1`,
      headers: GZIP,
      status: 200,
    },
  ]
})
console.log('  answered from the isolate (within the freshness window)')
printRows(warm)
// After the window: ISOLATE_CACHE_SECONDS=0 makes every request read KV once (the rendered bytes are reused).
const revalidated = await runOn(
  ['-c', 'wrangler.toml', `${BUNDLE}/index.js`, '--no-bundle', '--var', 'ISOLATE_CACHE_SECONDS:0'],
  async (origin) => {
    const etag = await warmFeed(origin)
    const feed = `${origin}/feeds/all.rss`
    return [
      { name: '/feeds/all.rss after the window (1 KV read)', url: feed, headers: GZIP, status: 200 },
      {
        name: '/feeds/all.rss 304 after the window (1 KV read)',
        url: feed,
        headers: { ...GZIP, 'if-none-match': etag },
        status: 304,
      },
    ]
  },
)
console.log('  after the window (ISOLATE_CACHE_SECONDS=0): one KV read per request')
printRows(revalidated)
// A miss is timed on a build where every cache lookup (isolate, edge) counts as a miss (lookups and stores still
// happen), via `--define`: the only honest way to time the miss path with a fixed URL and fixed content. The
// floor there (the favicon) misses the isolate too. Feed items are still built once per isolate
// (render/feed-item-memo.ts), as after a publish that leaves most items unchanged.
const cold = await runOn(
  ['-c', 'wrangler.toml', `${MISS_BUNDLE}/index.js`, '--no-bundle'],
  async (origin) => [
    {
      name: '/feeds/all.rss miss (KV, render from built items, gzip, store)',
      url: `${origin}/feeds/all.rss`,
      headers: GZIP,
      status: 200,
    },
  ],
)
console.log('  every lookup a miss')
printRows(cold)
printGoal('hit', warm[1], 0.9)
printGoal('304', warm[3], 0.95)
// The miss: not answered from memory, so one KV read (the window is over; the content is unchanged).
printGoal('miss (one KV read)', revalidated[1], 0.8)
// A miss after a publish also renders, gzips and goes through the Cache API (Miniflare's, in this process).
printReported('cold miss (content changed: KV, render, gzip, Cache API)', cold[1])
console.log(bundleSizeLine(size))
