/** RFC 3339 times written in a given UTC offset, so a newsroom's own clock reads naturally everywhere. */

/** RFC 3339 for `instant`, written in the same UTC offset as `like` (e.g. +08:00), whole seconds. */
export function formatInOffsetOf(instant: Date, like: string): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(like)
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
  const shifted = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19)
  return `${shifted}${m ? m[0] : 'Z'}`
}

/** `time` moved by `seconds` (negative: earlier), in its own offset. */
export function shiftSeconds(time: string, seconds: number): string {
  return formatInOffsetOf(new Date(Math.floor(Date.parse(time) / 1000) * 1000 + seconds * 1000), time)
}
