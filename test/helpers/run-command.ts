/** Runs a project command (tsx script or wrangler) as a child process and captures its output. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { QUIET_WRANGLER_ENV } from '../../editor/publish/wrangler-kv.ts'

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Process groups of commands still running: killed if the test process exits first. */
const running = new Set<number>()
process.once('exit', () => {
  for (const group of running) killGroup(group)
})

/** SIGKILL to a whole process group; one already gone is fine. */
function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL')
  } catch {}
}

/**
 * Runs `node_modules/.bin/<bin> ...args` from the repository root, in a process group of its own: when it ends,
 * whatever it left running is killed (a publish killed on purpose leaves its platform proxy's workerd behind).
 */
export function runBin(
  bin: string,
  args: readonly string[],
  timeoutMs = 120_000,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(resolve('node_modules/.bin', bin), args, {
      env: { ...process.env, ...QUIET_WRANGLER_ENV, ...env },
      detached: true,
    })
    const group = child.pid
    if (group !== undefined) running.add(group)
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => group !== undefined && killGroup(group), timeoutMs)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (group !== undefined) {
        killGroup(group)
        running.delete(group)
      }
      done({ code, stdout, stderr })
    })
  })
}
