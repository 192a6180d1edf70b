/** Starts `wrangler dev --local` for the HTTP benchmark, with extra flags (e.g. `--define`); stops its process group. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { QUIET_ENV } from '../test/helpers/run-command.ts'
import { freePort } from '../test/helpers/wrangler-dev.ts'

/** A running server: its origin and a stop that always ends wrangler and workerd. */
export interface BenchServer {
  url: string
  stop(): Promise<void>
}

/** Runs wrangler dev on 127.0.0.1 and a free port against `persistTo`; resolves once it answers. */
export async function startBenchServer(
  persistTo: string,
  extraArgs: readonly string[] = [],
): Promise<BenchServer> {
  const port = await freePort()
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo]
  const child = spawn(resolve('node_modules/.bin/wrangler'), [...args, ...extraArgs], {
    env: { ...process.env, ...QUIET_ENV },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.pid === undefined) return done()
      child.once('exit', () => done())
      process.kill(-child.pid, 'SIGTERM')
      setTimeout(
        () => child.exitCode === null && child.pid && process.kill(-child.pid, 'SIGKILL'),
        5_000,
      ).unref()
    })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log}`)
    try {
      await fetch(`${url}/favicon.svg`, { signal: AbortSignal.timeout(2_000) })
      return { url, stop }
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  await stop()
  throw new Error(`wrangler dev did not answer within 60 s:\n${log}`)
}
