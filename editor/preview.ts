/**
 * `npm run preview [-- --root content --port 8788 --persist-to .wrangler/preview]`: the site from content/, live.
 * Publishes to a local KV folder of its own (never remote), serves it with `wrangler dev`, and on every save
 * checks, republishes what changed and reloads the open pages; a content problem is printed here and shown in
 * the page as `content/FILE:LINE: …`, and the preview keeps running on the last good version.
 */
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { freePort } from './preview/free-port.ts'
import { type PreviewState, startPreviewServer } from './preview/preview-server.ts'
import { signalGroup, stopGroup } from './preview/process-group.ts'
import { watchContent } from './preview/watch-content.ts'
import { runPublish } from './publish/run-publish.ts'
import { wranglerBin, wranglerEnv } from './publish/wrangler-kv.ts'

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'content' },
    port: { type: 'string', default: process.env.PORT ?? '8788' },
    'persist-to': { type: 'string', default: '.wrangler/preview' },
  },
})
const root = values.root ?? 'content'
const persistTo = values['persist-to'] ?? '.wrangler/preview'
const log = (line: string) => process.stdout.write(`${line}\n`)

let state: PreviewState = { version: 0, problems: [] }

/** Checks and publishes to the preview's local KV; returns the new state for the pages. */
async function publish(): Promise<PreviewState> {
  const outcome = await runPublish({
    root,
    target: { mode: 'local', binding: 'CONTENT', cwd: process.cwd(), persistTo },
    dryRun: false,
    now: new Date(),
    cacheDir: '.cache/renditions',
    log: (line) => log(`  ${line}`),
  })
  if (!outcome.ok) {
    for (const p of outcome.problems) process.stderr.write(`${p}\n`)
    log(
      `preview: ${outcome.problems.length} problem(s); the pages keep the last good version until you fix them`,
    )
    return { version: state.version, problems: outcome.problems }
  }
  log(`preview: published (${new Date().toISOString()}); reloading open pages`)
  return { version: state.version + 1, problems: [] }
}

log(`preview: publishing ${root}/ to local KV in ${persistTo}`)
state = await publish()

const workerPort = await freePort()
const worker = spawn(
  wranglerBin(process.cwd()),
  [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(workerPort),
    '--persist-to',
    persistTo,
    // Its devtools port defaults to 9229, which another wrangler dev (npm start, a test) may hold.
    '--inspector-port',
    String(await freePort()),
    '--show-interactive-dev-session=false',
    // Every save must show on the next reload: no freshness window here (docs/operators.md "Caching and freshness").
    '--var',
    'ISOLATE_CACHE_SECONDS:0',
  ],
  { env: wranglerEnv(), stdio: ['ignore', 'ignore', 'inherit'], detached: true },
)
const upstream = `http://127.0.0.1:${workerPort}`
/** wrangler dev answers within seconds; two minutes covers a cold start on a loaded machine. */
const READY_MS = 120_000
const readyBy = Date.now() + READY_MS
while (worker.exitCode === null) {
  if (Date.now() > readyBy) {
    process.stderr.write(`preview: wrangler dev did not answer on ${upstream} within ${READY_MS / 1000} s\n`)
    signalGroup(worker, 'SIGKILL')
    process.exit(1)
  }
  const up = await fetch(`${upstream}/favicon.svg`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  )
  if (up) break
  await new Promise((r) => setTimeout(r, 200))
}
if (worker.exitCode !== null) {
  process.stderr.write(`preview: wrangler dev exited (${worker.exitCode})\n`)
  process.exit(1)
}

const server = await startPreviewServer(upstream, Number(values.port), state)
const watcher = watchContent(root, async () => {
  log('preview: change seen; checking and publishing')
  state = await publish().catch((error: unknown) => {
    // A failed write (wrangler crashed, disk full) is not a content problem, but the page should say so too.
    const problem = `preview: publishing failed (${String(error)}); save again to retry`
    process.stderr.write(`${problem}\n`)
    return { version: state.version, problems: [problem] }
  })
  server.publish(state)
})
log(`\npreview: ${server.url}/  (watching ${root}/; Ctrl-C stops)\n`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  watcher.close()
  // Left running, wrangler dev would keep the port and a workerd busy.
  await stopGroup(worker)
  await server.close()
  process.exit(0)
}
// First in line: other modules (wrangler's platform proxy) listen for these signals too and may exit the process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.prependListener(signal, () => void stop())
// However this process ends, wrangler dev must not outlive it.
process.on('exit', () => signalGroup(worker, 'SIGKILL'))
worker.on('exit', (code) => {
  if (stopping) return
  process.stderr.write(`preview: wrangler dev exited (${code})\n`)
  signalGroup(worker, 'SIGKILL')
  void server.close().then(() => process.exit(1))
})
