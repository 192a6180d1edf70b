/** Interleaved rounds against a floor: each round measures the floor first and last, then every scenario between. */
import autocannon from 'autocannon'
import { processCpuMs, settled } from './process-cpu.ts'

export interface Scenario {
  name: string
  url: string
  headers?: Record<string, string>
  status: 200 | 304
  /** The serving process: its CPU time per request is measured too (bench/process-cpu.ts). */
  pid?: number
}

export interface Row {
  name: string
  /** Median requests/s over the rounds. */
  rps: number
  p99: number
  /** Ratio to the same round's floor (mean of its first and last floor run), one per round. */
  ratios: number[]
  /** Responses with another status, errors and timeouts, over every round. */
  bad: number
  /** Median CPU time of the serving process per request (µs), when its pid is known. */
  cpuUs?: number
  /** The same round's floor CPU per request divided by this one's, per round: how many floors a request costs. */
  cpuRatios?: number[]
}

export interface RoundOptions {
  rounds: number
  durationS: number
  connections: number
}

/** Unmeasured load before each run: connections opened, the server awake after the others' turns. */
const WARM_UP_S = 1

/** One bounded autocannon run, after a short unmeasured one. */
async function measure(s: Scenario, o: RoundOptions): Promise<Run> {
  const load = { url: s.url, connections: o.connections, ...(s.headers ? { headers: s.headers } : {}) }
  await autocannon({ ...load, duration: WARM_UP_S })
  const cpuBefore = s.pid === undefined ? 0 : processCpuMs(s.pid)
  const r = await autocannon({ ...load, duration: o.durationS })
  const good = s.status === 304 ? r['3xx'] : r['2xx']
  const cpuUs =
    s.pid === undefined || r.requests.total === 0
      ? undefined
      : ((processCpuMs(s.pid) - cpuBefore) * 1000) / r.requests.total
  await settled()
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    bad: r.requests.total - good + r.errors + r.timeouts,
    ...(cpuUs === undefined ? {} : { cpuUs }),
  }
}

interface Run {
  rps: number
  p99: number
  bad: number
  cpuUs?: number
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

interface Measured extends Run {
  ratio: number
  cpuRatio?: number
}

/** Per-request CPU of the floor's two runs of a round, when both were measured. */
function floorCpu(first: Run, last: Run): number | undefined {
  return first.cpuUs === undefined || last.cpuUs === undefined ? undefined : (first.cpuUs + last.cpuUs) / 2
}

function rowOf(name: string, r: readonly Measured[]): Row {
  const cpu = r.flatMap((x) => (x.cpuUs === undefined ? [] : [x.cpuUs]))
  const cpuRatios = r.flatMap((x) => (x.cpuRatio === undefined ? [] : [x.cpuRatio]))
  return {
    name,
    rps: median(r.map((x) => x.rps)),
    p99: median(r.map((x) => x.p99)),
    ratios: r.map((x) => x.ratio),
    bad: r.reduce((n, x) => n + x.bad, 0),
    ...(cpu.length === r.length && cpu.length > 0 ? { cpuUs: median(cpu) } : {}),
    ...(cpuRatios.length === r.length && cpuRatios.length > 0 ? { cpuRatios } : {}),
  }
}

/** Runs the rounds; the floor's own row carries the spread of its per-round means. */
export async function interleavedRounds(floor: Scenario, scenarios: readonly Scenario[], o: RoundOptions) {
  const runs = scenarios.map(() => [] as Measured[])
  const floors: Run[] = []
  for (let round = 0; round < o.rounds; round++) {
    const first = await measure(floor, o)
    const measured = []
    for (const s of scenarios) measured.push(await measure(s, o))
    const last = await measure(floor, o)
    const base = (first.rps + last.rps) / 2
    const baseCpu = floorCpu(first, last)
    floors.push({
      rps: base,
      p99: Math.max(first.p99, last.p99),
      bad: first.bad + last.bad,
      ...(baseCpu === undefined ? {} : { cpuUs: baseCpu }),
    })
    for (const [i, m] of measured.entries()) {
      const cpuRatio = baseCpu === undefined || m.cpuUs === undefined ? undefined : baseCpu / m.cpuUs
      runs[i]?.push({ ...m, ratio: m.rps / base, ...(cpuRatio === undefined ? {} : { cpuRatio }) })
    }
  }
  const floorRps = median(floors.map((x) => x.rps))
  const floorCpus = floors.flatMap((x) => (x.cpuUs === undefined ? [] : [x.cpuUs]))
  const floorRow = rowOf(
    floor.name,
    floors.map((f) => ({
      ...f,
      ratio: f.rps / floorRps,
      ...(f.cpuUs === undefined || floorCpus.length === 0 ? {} : { cpuRatio: median(floorCpus) / f.cpuUs }),
    })),
  )
  return [floorRow, ...scenarios.map((s, i) => rowOf(s.name, runs[i] ?? []))]
}

/** `0.91× (0.88–0.95)`: the median ratio and its min–max over the rounds. */
export function ratioText(ratios: readonly number[]): string {
  const f = (x: number) => x.toFixed(2)
  return `${f(median(ratios))}× (${f(Math.min(...ratios))}–${f(Math.max(...ratios))})`
}

export function printRows(rows: readonly Row[]): void {
  for (const r of rows) {
    const bad = r.bad === 0 ? '' : `   ${r.bad} unexpected responses/errors`
    const cpu =
      r.cpuUs === undefined || r.cpuRatios === undefined
        ? ''
        : `   CPU ${r.cpuUs.toFixed(0).padStart(5)} µs/req  ${ratioText(r.cpuRatios)}`
    console.log(
      `  ${r.name.padEnd(58)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(4)} ms  ${ratioText(r.ratios)}${cpu}${bad}`,
    )
  }
}

/** A ratio the benchmark reports without a goal. */
export function printReported(label: string, row: Row | undefined): void {
  if (row !== undefined) console.log(`  ${label}: ${ratioText(row.ratios)} (reported)`)
}

/** Prints a goal on the median ratio (benchmarks print goals; nothing asserts them). */

export function printGoal(label: string, row: Row | undefined, target: number): void {
  if (row === undefined) return
  const met = median(row.ratios) >= target ? 'met' : 'MISSED'
  console.log(`  goal ${label} >= ${target}×: ${ratioText(row.ratios)} ${met}`)
}
