/** A permanent redirect a handler returns instead of a representation (e.g. `?page=1` to the canonical URL). */

/** Sent as 301 with `Location`; permanent because feed readers should update the URL they store. */
export class Redirect {
  readonly kind = 'redirect'
  constructor(readonly location: string) {}
}
