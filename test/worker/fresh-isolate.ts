/**
 * Setup for the worker project: each test starts with an empty isolate cache, as a freshly started isolate would,
 * and with the real clock. The pool keeps one isolate and one KV per test file; without this, a test could be
 * answered from a response an earlier test of the file left in memory. Within a test the cache works as deployed.
 */
import { afterEach, beforeEach, vi } from 'vitest'
import { dropIsolateCache, MAX_FRESHNESS_SECONDS } from '../../worker/http/isolate-cache.ts'

beforeEach(() => dropIsolateCache())
afterEach(() => {
  vi.useRealTimers()
})

/** Stops this isolate's clock (`Date` only; timers keep running): the injected clock of the freshness window. */
export function freezeClock(): void {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ['Date'] })
}

/** Moves the frozen clock forward by `ms` (freezing it first if it runs). */
export function advanceClock(ms: number): void {
  freezeClock()
  vi.setSystemTime(Date.now() + ms)
}

/** Moves the clock just past the longest freshness window, so the next request reads KV again. */
export function pastFreshnessWindow(): void {
  advanceClock(MAX_FRESHNESS_SECONDS * 1000 + 1)
}
