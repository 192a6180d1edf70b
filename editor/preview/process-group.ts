/**
 * A child spawned `detached` leads a process group of its own (wrangler dev and the workerd it starts): these stop
 * the whole group, so nothing it started outlives it.
 */
import type { ChildProcess } from 'node:child_process'

/** Signals the child's whole process group; a group already gone is fine. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal)
  } catch {}
}

/** SIGTERM to the group, then SIGKILL to whatever of it is left once the child has exited or 5 s have passed. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done))
    signalGroup(child, 'SIGTERM')
    let timer: NodeJS.Timeout | undefined
    await Promise.race([exited, new Promise((done) => (timer = setTimeout(done, 5_000)))])
    clearTimeout(timer)
  }
  signalGroup(child, 'SIGKILL')
}
