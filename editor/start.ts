/**
 * `npm start`: publish content/ to wrangler's local KV, then serve the feed Worker, the discovery Worker
 * (discovery/) and the federation Worker (fediverse/) in one `wrangler dev` on http://127.0.0.1:8787; the first
 * config is the one that answers.
 */
import { spawn } from 'node:child_process'
import { DEFAULT_PERSIST } from './publish/local-namespace.ts'
import { runPublish } from './publish/run-publish.ts'
import { wranglerBin, wranglerEnv } from './publish/wrangler-kv.ts'
import { ensureFediverseDevVars } from './start/fediverse-dev-vars.ts'
import { configArgs, SITE_CONFIGS } from './start/worker-configs.ts'

const port = process.env.PORT ?? '8787'

const outcome = await runPublish({
  root: 'content',
  target: { mode: 'local', binding: 'CONTENT', cwd: process.cwd(), persistTo: DEFAULT_PERSIST },
  dryRun: false,
  now: new Date(),
  cacheDir: '.cache/renditions',
  log: (line) => console.log(line),
})
if (!outcome.ok) {
  for (const p of outcome.problems) console.error(p)
  console.error('npm start: fix the content problems above, then run it again')
  process.exit(1)
}

const devVars = await ensureFediverseDevVars(process.cwd())
console.log(
  `\nBroadsheet: http://127.0.0.1:${port}/  (feeds: /feeds/all.rss, /feeds/all.atom, /feeds/all.json)\n` +
    `Fediverse: @broadsheet@127.0.0.1:${port} (development key and settings in ${devVars});\n` +
    `  tell followers what changed: curl http://127.0.0.1:${port}/__scheduled\n`,
)
const dev = spawn(
  wranglerBin(process.cwd()),
  [
    'dev',
    ...configArgs([...SITE_CONFIGS, 'fediverse/wrangler.toml']),
    ...['--local', '--ip', '127.0.0.1', '--port', port, '--persist-to', DEFAULT_PERSIST, '--test-scheduled'],
  ],
  { stdio: 'inherit', env: wranglerEnv() },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
