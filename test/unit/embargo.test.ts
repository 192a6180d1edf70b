/** Embargo visibility decided by the request's clock: what is hidden, the served version, the lifted window. */
import { describe, expect, it } from 'vitest'
import { embargoView, isPublishedBy, liftedBetween, servedVersion } from '../../model/embargo.ts'

const AT = Date.parse('2026-11-28T08:00:00+08:00')
const items = [
  { slug: 'old', published: '2026-11-27T08:00:00+08:00' },
  { slug: 'tomorrow-8am', published: '2026-11-28T08:00:00+08:00' },
  { slug: 'later', published: '2026-11-28T12:00:00+08:00' },
]
const published = (i: { published: string }) => i.published

describe('embargoView', () => {
  it('hides what is dated after the clock and shows it from that very second, across offsets', () => {
    expect(embargoView(items, published, AT - 1000).visible.map((i) => i.slug)).toEqual(['old'])
    expect(embargoView(items, published, AT).visible.map((i) => i.slug)).toEqual(['old', 'tomorrow-8am'])
    expect(isPublishedBy('2026-11-28T00:00:00Z', AT)).toBe(true)
    expect(isPublishedBy('2026-11-28T00:00:01Z', AT)).toBe(false)
  })

  it('gives each number of hidden entries its own served version, and the stored one when none is hidden', () => {
    const versions = [AT - 1000, AT, AT + 4 * 3600_000].map((now) =>
      servedVersion('abc', embargoView(items, published, now).hidden),
    )
    expect(versions).toEqual(['abc-e2', 'abc-e1', 'abc'])
  })
})

describe('liftedBetween', () => {
  it('names the articles whose embargo lifted in the window, each in exactly one of consecutive windows', () => {
    const step = 5 * 60_000
    const windows = Array.from({ length: 60 }, (_, i) => AT - step * 10 + i * step)
    const lifted = windows.flatMap((to) => liftedBetween(items, published, to - step, to).map((i) => i.slug))
    expect(lifted).toEqual(['tomorrow-8am', 'later'])
  })
})
