/** Runs a project command (an editor command, wrangler, any package binary) as a child process and captures its output. */
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { signalGroup } from '../../editor/preview/process-group.ts'
import { wranglerEnv } from '../../editor/publish/wrangler-kv.ts'

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Commands still running: their process groups are killed if the test process exits first. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL')
})

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
  return run(resolve('node_modules/.bin', bin), args, timeoutMs, env)
}

/**
 * Runs an editor command (`publish`, `check`) as `npm run content:publish` / `content:check` run it: Node on
 * editor/launch.mjs, from its esbuild bundle (built on first use, rebuilt when a source file changed).
 */
export function runEditor(
  command: 'publish' | 'check',
  args: readonly string[],
  timeoutMs = 120_000,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return run(process.execPath, [resolve('editor/launch.mjs'), command, ...args], timeoutMs, env)
}

function run(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  env: Record<string, string>,
): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(file, args, {
      env: wranglerEnv(env),
      detached: true,
    })
    running.add(child)
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      signalGroup(child, 'SIGKILL')
      running.delete(child)
      done({ code, stdout, stderr })
    })
  })
}
