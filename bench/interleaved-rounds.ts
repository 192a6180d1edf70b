/** Interleaved rounds against a floor: each round measures the floor first and last, then every scenario between. */
import autocannon from 'autocannon'

export interface Scenario {
  name: string
  url: string
  headers?: Record<string, string>
  status: 200 | 304
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
}

export interface RoundOptions {
  rounds: number
  durationS: number
  connections: number
}

/** One bounded autocannon run. */
async function measure(s: Scenario, o: RoundOptions) {
  const r = await autocannon({
    url: s.url,
    connections: o.connections,
    duration: o.durationS,
    ...(s.headers ? { headers: s.headers } : {}),
  })
  const good = s.status === 304 ? r['3xx'] : r['2xx']
  return { rps: r.requests.average, p99: r.latency.p99, bad: r.requests.total - good + r.errors + r.timeouts }
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

/** Runs the rounds; the floor's own row carries the spread of its per-round means. */
export async function interleavedRounds(floor: Scenario, scenarios: readonly Scenario[], o: RoundOptions) {
  const runs = scenarios.map(() => [] as { rps: number; p99: number; bad: number; ratio: number }[])
  const floors: { rps: number; p99: number; bad: number }[] = []
  for (let round = 0; round < o.rounds; round++) {
    const first = await measure(floor, o)
    const measured = []
    for (const s of scenarios) measured.push(await measure(s, o))
    const last = await measure(floor, o)
    const base = (first.rps + last.rps) / 2
    floors.push({ rps: base, p99: Math.max(first.p99, last.p99), bad: first.bad + last.bad })
    for (const [i, m] of measured.entries()) runs[i]?.push({ ...m, ratio: m.rps / base })
  }
  const row = (name: string, r: { rps: number; p99: number; bad: number; ratio: number }[]): Row => ({
    name,
    rps: median(r.map((x) => x.rps)),
    p99: median(r.map((x) => x.p99)),
    ratios: r.map((x) => x.ratio),
    bad: r.reduce((n, x) => n + x.bad, 0),
  })
  const floorRow = row(
    floor.name,
    floors.map((f) => ({ ...f, ratio: f.rps / median(floors.map((x) => x.rps)) })),
  )
  return [floorRow, ...scenarios.map((s, i) => row(s.name, runs[i] ?? []))]
}

/** `0.91× (0.88–0.95)`: the median ratio and its min–max over the rounds. */
export function ratioText(ratios: readonly number[]): string {
  const f = (x: number) => x.toFixed(2)
  return `${f(median(ratios))}× (${f(Math.min(...ratios))}–${f(Math.max(...ratios))})`
}

export function printRows(rows: readonly Row[]): void {
  for (const r of rows) {
    const bad = r.bad === 0 ? '' : `   ${r.bad} unexpected responses/errors`
    console.log(
      `  ${r.name.padEnd(58)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(4)} ms  ${ratioText(r.ratios)}${bad}`,
    )
  }
}

/** Prints a goal on the median ratio (benchmarks print goals; nothing asserts them). */
export function printGoal(label: string, row: Row | undefined, target: number): void {
  if (row === undefined) return
  const met = median(row.ratios) >= target ? 'met' : 'MISSED'
  console.log(`  goal ${label} >= ${target}×: ${ratioText(row.ratios)} ${met}`)
}
