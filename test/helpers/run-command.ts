/** Runs a project command (tsx script or wrangler) as a child process and captures its output. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

export const QUIET_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

/** Runs `node_modules/.bin/<bin> ...args` from the repository root. */
export function runBin(
  bin: string,
  args: readonly string[],
  timeoutMs = 120_000,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(resolve('node_modules/.bin', bin), args, {
      env: { ...process.env, ...QUIET_ENV, ...env },
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}
