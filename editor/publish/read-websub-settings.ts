/**
 * Reads the settings publish acts on from wrangler.toml (the same [vars] the Worker sees), per environment: the
 * public base URL, the WebSub hub, IndexNow and Baidu (docs/operators.md "Settings").
 */
import { unstable_readConfig } from 'wrangler'
import { type SearchEngineSettings, searchEngineSettings } from '../../model/notify-search-engines.ts'

export interface WebSubSettings {
  baseUrl: string
  hub: string
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/** Loaded with wrangler's own config reader, so `--env NAME` resolves exactly as `wrangler deploy --env NAME` does. */
function readVars(cwd: string, env?: string): Record<string, unknown> {
  const config = unstable_readConfig({ config: `${cwd}/wrangler.toml`, ...(env ? { env } : {}) })
  return config.vars
}

export function readWebSubSettings(cwd: string, env?: string): WebSubSettings {
  const vars = readVars(cwd, env)
  return { baseUrl: text(vars.PUBLIC_BASE_URL), hub: text(vars.WEBSUB_HUB) }
}

/**
 * IndexNow and Baidu, or null when both are off. A key or token kept as a Worker secret (not in [vars]) is taken
 * from publish's own environment (`INDEXNOW_KEY`, `BAIDU_PUSH_TOKEN`), e.g. a CI secret.
 */
export function readSearchEngineSettings(
  cwd: string,
  env?: string,
  environment: NodeJS.ProcessEnv = process.env,
): { settings: SearchEngineSettings | null; wanted: boolean } {
  const vars = readVars(cwd, env)
  const pick = (name: string) => text(environment[name]) || text(vars[name])
  const indexNowKey = pick('INDEXNOW_KEY')
  const baiduToken = pick('BAIDU_PUSH_TOKEN')
  const settings = searchEngineSettings({
    baseUrl: text(vars.PUBLIC_BASE_URL),
    indexNowKey,
    indexNowEndpoint: pick('INDEXNOW_ENDPOINT'),
    baiduToken,
    baiduEndpoint: pick('BAIDU_PUSH_ENDPOINT'),
  })
  return { settings, wanted: indexNowKey !== '' || baiduToken !== '' }
}
