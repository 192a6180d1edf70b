/**
 * The time between two runs of a Cron Trigger, read from its own expression (`controller.cron`, as written in
 * wrangler.toml `[triggers] crons`), so the period is written in one place.
 */

/** Milliseconds between runs of `*\/N * * * *` (every N minutes, N dividing 60) or `M * * * *` (hourly). */
export function cronPeriodMs(cron: string): number {
  const [minute = '', ...rest] = cron.trim().split(/\s+/)
  if (rest.length !== 4 || rest.some((field) => field !== '*'))
    throw new Error(`cron "${cron}": only "*/N * * * *" or "M * * * *" tell their period; write one of those`)
  const every = /^\*\/(\d+)$/.exec(minute)
  if (every && 60 % Number(every[1]) === 0) return Number(every[1]) * 60_000
  if (/^\d+$/.test(minute) && Number(minute) < 60) return 60 * 60_000
  throw new Error(`cron "${cron}": the minute field must be "*/N" with N dividing 60, or one minute`)
}
