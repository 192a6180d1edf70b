/** Starts `wrangler dev` on 127.0.0.1 and a free port, for tests, benchmarks and load runs; stops it for sure. */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../../editor/preview/free-port.ts'
import { stopGroup } from '../../editor/preview/process-group.ts'
import { wranglerEnv } from '../../editor/publish/wrangler-kv.ts'
import { configArgs, SITE_CONFIGS } from '../../editor/start/worker-configs.ts'
import { runEditor } from './run-command.ts'

export interface DevServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string
  stop(): Promise<void>
}

/**
 * Runs `wrangler dev --local` against local KV in `persistTo` and resolves once it answers HTTP: the feed Worker and
 * the discovery Worker behind it (SITE_CONFIGS), unless `extraArgs` name configs (`-c`) of their own. `extraArgs`
 * go to wrangler as they are (the HTTP benchmark serves prebuilt bundles with `--no-bundle`, `--define`).
 */
export async function startWranglerDev(
  persistTo: string,
  timeoutMs = 120_000,
  extraArgs: readonly string[] = [],
): Promise<DevServer> {
  const port = await freePort()
  // wrangler's devtools inspector defaults to 9229: two wrangler dev at once (parallel test files) would collide.
  const inspectorPort = await freePort()
  const child = spawn(
    resolve('node_modules/.bin/wrangler'),
    [
      'dev',
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistTo,
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
      ...(extraArgs.includes('-c') ? [] : configArgs(SITE_CONFIGS)),
      ...extraArgs,
    ],
    { env: wranglerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log}`)
    try {
      await fetch(`${url}/favicon.svg`, { signal: AbortSignal.timeout(2_000) })
      return { url, stop: () => stopGroup(child) }
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  await stopGroup(child)
  throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${log}`)
}

/**
 * Publishes a content tree (content/ unless `root` names another) with the real `content:publish --local` into a
 * fresh folder and serves it with wrangler dev.
 */
export async function startPublishedWorker(root = 'content'): Promise<DevServer> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-dev-'))
  const published = await runEditor('publish', ['--local', '--persist-to', dir, '--root', root], 180_000)
  if (published.code !== 0) throw new Error(`publish failed:\n${published.stderr}`)
  const dev = await startWranglerDev(dir)
  return {
    url: dev.url,
    stop: async () => {
      await dev.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
