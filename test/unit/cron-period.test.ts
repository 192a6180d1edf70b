/** The cron's period is read from its expression at run time: every expression wrangler.toml declares must tell one. */
import { describe, expect, it } from 'vitest'
import { cronPeriodMs } from '../../worker/cron-period.ts'
import { wranglerSettings } from '../helpers/wrangler-settings.ts'

describe('wrangler.toml [triggers] crons', () => {
  const crons = wranglerSettings('wrangler.toml').flatMap((s) => (s.name === 'crons' ? s.mustShow : []))

  it('declares the embargo cron', () => {
    expect(crons.length).toBeGreaterThan(0)
  })

  it.each(crons)('"%s" has a period the scheduled handler can read', (cron) => {
    expect(cronPeriodMs(cron)).toBeGreaterThan(0)
  })
})
