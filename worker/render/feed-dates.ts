/** Feed date formats from the model's RFC 3339 strings, keeping the newsroom's own UTC offset. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * RFC 822 (as RFC 2822 spells it) for RSS, with the wall-clock time and offset of the source:
 * `2020-12-22T08:00:00+08:00` → `Tue, 22 Dec 2020 08:00:00 +0800`. Readers then show the newsroom's time.
 */
export function rfc822(rfc3339: string): string {
  const m = PARTS.exec(rfc3339)
  if (!m) throw new RangeError(`not an RFC 3339 date-time: ${rfc3339}`)
  const [, y, mo, d, h, mi, s, zone] = m
  // The weekday of the local calendar date, computed in UTC so the host's time zone cannot shift it.
  const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  const offset = zone === 'Z' || zone === undefined ? '+0000' : zone.replace(':', '')
  return `${DAYS[local.getUTCDay()]}, ${d} ${MONTHS[local.getUTCMonth()]} ${y} ${h}:${mi}:${s} ${offset}`
}

/** RFC 3339 for Atom and JSON Feed: the source string without fractional seconds, offset kept. */
export function rfc3339(value: string): string {
  return value.replace(/\.\d+(?=Z|[+-]\d{2}:\d{2}$)/, '')
}
