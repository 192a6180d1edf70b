import { describe, expect, it } from 'vitest'
import { newest } from '../../model/newest.ts'
import { rfc822, rfc3339 } from '../../worker/render/feed-dates.ts'

describe('rfc822', () => {
  it('keeps the wall-clock time and the source offset', () => {
    expect(rfc822('2020-12-22T08:00:00+08:00')).toBe('Tue, 22 Dec 2020 08:00:00 +0800')
  })

  it('names the weekday of the local date, not of the UTC date', () => {
    // 01:30 at +08:00 on 1 Jan 2021 (a Friday) is still Thursday in UTC.
    expect(rfc822('2021-01-01T01:30:00+08:00')).toBe('Fri, 01 Jan 2021 01:30:00 +0800')
    expect(rfc822('2020-02-29T23:59:59-05:30')).toBe('Sat, 29 Feb 2020 23:59:59 -0530')
  })

  it('writes Z as +0000 and drops fractional seconds', () => {
    expect(rfc822('2020-12-22T00:00:00.123Z')).toBe('Tue, 22 Dec 2020 00:00:00 +0000')
  })

  it('rejects a string that is not RFC 3339', () => {
    expect(() => rfc822('22 Dec 2020')).toThrow(RangeError)
  })
})

describe('rfc3339', () => {
  it('keeps the offset and drops fractional seconds', () => {
    expect(rfc3339('2020-12-22T08:00:00.5+08:00')).toBe('2020-12-22T08:00:00+08:00')
    expect(rfc3339('2020-12-22T08:00:00Z')).toBe('2020-12-22T08:00:00Z')
  })
})

describe('newest', () => {
  it('compares instants, not strings, across offsets', () => {
    // 09:00+08:00 is 01:00Z: earlier than 02:00Z although it sorts later as a string.
    expect(newest(['2020-12-22T09:00:00+08:00', '2020-12-22T02:00:00Z'])).toBe('2020-12-22T02:00:00Z')
    expect(newest([])).toBeUndefined()
  })
})
