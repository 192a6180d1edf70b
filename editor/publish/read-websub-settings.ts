/** Reads the public base URL and WebSub hub from wrangler.toml (the same [vars] the Worker sees), per environment. */
import { unstable_readConfig } from 'wrangler'

export interface WebSubSettings {
  baseUrl: string
  hub: string
}

/** Loaded with wrangler's own config reader, so `--env NAME` resolves exactly as `wrangler deploy --env NAME` does. */
export function readWebSubSettings(cwd: string, env?: string): WebSubSettings {
  const config = unstable_readConfig({ config: `${cwd}/wrangler.toml`, ...(env ? { env } : {}) })
  const vars: Record<string, unknown> = config.vars
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  return { baseUrl: text(vars.PUBLIC_BASE_URL), hub: text(vars.WEBSUB_HUB) }
}
