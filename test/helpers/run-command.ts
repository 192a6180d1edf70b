/** Runs a project command (tsx script or wrangler) as a child process and captures its output. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { QUIET_WRANGLER_ENV } from '../../editor/publish/wrangler-kv.ts'

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
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
      env: { ...process.env, ...QUIET_WRANGLER_ENV, ...env },
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
