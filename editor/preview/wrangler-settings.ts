/** What wrangler.toml gives a Worker started through Miniflare's API (the preview, the benchmarks). */
import { unstable_readConfig } from 'wrangler'

export interface WranglerSettings {
  compatibilityDate: string
  compatibilityFlags: string[]
  /** The string [vars]. */
  vars: Record<string, string>
}

/** The compatibility date and flags and the [vars] of wrangler.toml (of `[env.NAME]` when `env` is given). */
export function wranglerSettings(env?: string): WranglerSettings {
  const config = unstable_readConfig({ config: 'wrangler.toml', ...(env ? { env } : {}) })
  const vars: Record<string, string> = {}
  for (const [k, v] of Object.entries(config.vars)) if (typeof v === 'string') vars[k] = v
  return {
    compatibilityDate: config.compatibility_date ?? '2026-04-26',
    compatibilityFlags: config.compatibility_flags ?? [],
    vars,
  }
}
