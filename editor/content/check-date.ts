/** Validates the RFC 3339 times editors write (published, section updated) with messages that say how to fix them. */

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/
const EXAMPLE = 'e.g. 2020-12-22T08:00:00+08:00'
/** Years a newsroom's times can have. Outside them a typo is likelier than a date, and stamps (a few seconds
 * past an article's time) could leave the four-digit years RFC 3339 and every feed format allow. */
export const YEARS = { min: 1990, max: 2100 } as const

/** A message when `value` is not an RFC 3339 date-time with an explicit UTC offset; undefined when it is. */
export function dateProblem(field: string, value: string): string | undefined {
  const m = SHAPE.exec(value)
  if (!m)
    return `${field} "${value}" is not an RFC 3339 date-time; write it as YYYY-MM-DDTHH:MM:SS+hh:mm, ${EXAMPLE}`
  if (m[8] === undefined)
    return `${field} "${value}" has no UTC offset; append the newsroom's offset, ${EXAMPLE}`
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  const offH = Number(m[9] ?? 0)
  const offM = Number(m[10] ?? 0)
  const days = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate()
  const real =
    month !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day !== undefined &&
    day >= 1 &&
    day <= days &&
    (hour ?? 99) <= 23 &&
    (minute ?? 99) <= 59 &&
    (second ?? 99) <= 59 &&
    offH <= 23 &&
    offM <= 59
  if (!real) return `${field} "${value}" is not a real date and time; correct it, ${EXAMPLE}`
  if ((year ?? 0) < YEARS.min || (year ?? 0) >= YEARS.max)
    return `${field} "${value}" is outside ${YEARS.min}..${YEARS.max - 1}; correct the year, ${EXAMPLE}`
  return undefined
}
