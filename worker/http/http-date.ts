/** HTTP dates (IMF-fixdate, RFC 9110 §5.6.7) to and from the model's RFC 3339 strings. */

/** `2020-12-22T08:00:00+08:00` → `Tue, 22 Dec 2020 00:00:00 GMT`. */
export function toHttpDate(rfc3339: string): string {
  return new Date(rfc3339).toUTCString()
}

/** Seconds since the epoch, or null for a date that does not parse (such a header is ignored, per RFC 9110). */
export function parseHttpDate(value: string): number | null {
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}
