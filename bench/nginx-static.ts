/**
 * The static-file baseline: Debian's nginx serving the same feed bytes the Worker sends (identity and a
 * pre-compressed .gz, `gzip_static`), on loopback, with a temporary configuration; stopped for sure.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { freePort } from '../editor/preview/free-port.ts'

export interface StaticServer {
  url: string
  stop(): Promise<void>
}

/** Serves `files` (URL path → bytes) from `dir`; one worker process, access log off, as a small static host would. */
export async function startNginx(dir: string, files: ReadonlyMap<string, Uint8Array>): Promise<StaticServer> {
  const root = resolve(dir, 'root')
  await rm(dir, { recursive: true, force: true })
  for (const [path, bytes] of files) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), bytes)
  }
  const port = await freePort()
  const conf = resolve(dir, 'nginx.conf')
  await writeFile(
    conf,
    `daemon off;
worker_processes 1;
pid ${resolve(dir, 'nginx.pid')};
error_log ${resolve(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${resolve(dir, 'tmp')};
  types { application/rss+xml rss; }
  default_type application/octet-stream;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    add_header Cache-Control "public, max-age=300";
  }
}
`,
  )
  const child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', resolve(dir)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  child.stderr?.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log}`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) })
      return { url, stop: () => stop(child) }
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  await stop(child)
  throw new Error(`nginx did not answer within 10 s: ${log}`)
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGTERM')
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5_000).unref()
  })
}
