/** The newest of several RFC 3339 times, for the publisher's stamps and the feeds' `updated` alike. */

/** The later of two RFC 3339 instants (compared as instants, not as strings: offsets differ). */
export function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a
}

/** The newest of some RFC 3339 instants (the first of equal ones), or undefined for none. */
export function newest(values: readonly string[]): string | undefined {
  return values.reduce<string | undefined>((best, v) => (best === undefined ? v : later(best, v)), undefined)
}
