/** The Worker's clock for embargoes: the request's time; tests drive it with `setClock` (no HTTP way exists). */
let source: () => number = () => Date.now()

/** Milliseconds since the epoch, as the Worker sees it now. */
export function now(): number {
  return source()
}

/** Replaces the clock (tests only: an embargo test moves time across the lift without waiting). */
export function setClock(clock: () => number): void {
  source = clock
}
