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

/**
 * User + system CPU time of this process's children that have ended and been waited for (fields 16 and 17 of
 * /proc/self/stat), in ms: read before and after a command to get what it and everything it started used.
 */
export function endedChildrenCpuMs(): number {
  tick ??= Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / tick
}

/** Busy and total CPU time of the whole machine so far, in clock ticks (the first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const fields =
    readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? []
  const total = fields.reduce((a, b) => a + b, 0)
  // idle and iowait are the 4th and 5th fields.
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total }
}

/**
 * Resolves once the machine is quiet (under a tenth of its CPU busy over 200 ms), or after 10 s: work a scenario
 * left behind (Cache API puts after the response, the kernel writing their pages back) must not slow the next.
 */
export async function settled(): Promise<void> {
  const deadline = Date.now() + 10_000
  let before = machineTicks()
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200))
    const now = machineTicks()
    const total = now.total - before.total
    if (total > 0 && (now.busy - before.busy) / total < 0.1) return
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
