/**
 * CPU time a server process spent, from /proc: per request it measures the server's own work, which other jobs on
 * a shared machine slow down far less than they slow down requests per second.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let tick: number | undefined

/** User + system CPU time of `pid` so far, in ms (Linux /proc; fields 14 and 15 of stat, in clock ticks). */
export function processCpuMs(pid: number): number {
  tick ??= Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / tick
}

/** Resolves once `pid` uses under 5 % of a core over 200 ms (work it had queued is done), or after 30 s. */
export async function settled(pid: number): Promise<void> {
  const deadline = Date.now() + 30_000
  let before = processCpuMs(pid)
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200))
    const now = processCpuMs(pid)
    if (now - before < 10) return
    before = now
  }
}

/** The process listening on a loopback TCP port (by `ss`), or undefined where that cannot be found. */
export function listeningPid(port: number): number | undefined {
  try {
    const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString()
    const pid = Number(/pid=(\d+)/.exec(line)?.[1])
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}
