/** The benchmark's miss switch, read in one place by every cache of the Worker. */

/** Set only by the benchmarks through `wrangler deploy --dry-run --define`, to time the miss path; never deployed. */
declare const BROADSHEET_BENCH_FORCE_MISS: boolean | undefined

/** True only in a benchmark build: every cache lookup misses (lookups and stores still happen). */
export const forceMiss =
  typeof BROADSHEET_BENCH_FORCE_MISS !== 'undefined' && BROADSHEET_BENCH_FORCE_MISS === true
