/** Publishes content/ into a fresh local KV and starts `wrangler dev` on a free port: the real Worker for e2e tests. */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { promisify } from 'node:util'

const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

/** A running Worker and how to stop it (and remove its state). */
export interface WranglerDev {
  origin: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

/** Needs `npm run build` first (dist/assets). Waits up to 30 s for the Worker to answer /widget.js. */
export async function startWranglerDev(name: string): Promise<WranglerDev> {
  const dir = `test/.tmp/${name}-${process.pid}`
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  await promisify(execFile)('node_modules/.bin/tsx', ['editor/publish.ts', '--local', '--persist-to', dir], {
    env: WRANGLER_ENV,
    timeout: 60_000,
  })
  const port = await freePort()
  const child: ChildProcess = spawn(
    'node_modules/.bin/wrangler',
    ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dir],
    { env: WRANGLER_ENV, detached: true, stdio: 'ignore' },
  )
  const origin = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    await rm(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const ok = await fetch(`${origin}/widget.js`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { origin, stop }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`wrangler dev did not answer on ${origin} within 30 s`)
}
