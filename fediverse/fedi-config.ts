/** The federation Worker's settings (fediverse/wrangler.toml [vars] and secrets), resolved once per request. */
import { fediverseName } from '../model/fediverse-handle.ts'

/** The vars and secrets this module reads: a structural slice of `FediverseEnv`. */
export interface FediVars {
  PUBLIC_BASE_URL: string
  SITE_TITLE: string
  SITE_DESCRIPTION: string
  SITE_LANGUAGE: string
  FEDI_HANDLE: string
  FEDI_DISCOVERABLE: string
  FEDI_INDEXABLE: string
  FEDI_ALLOW_LOOPBACK: string
  FEDI_RETRY_SECONDS: string
}

export interface FediConfig {
  /** Absolute origin without trailing slash: PUBLIC_BASE_URL, or the request's origin when that is empty. */
  baseUrl: string
  /** The paper's fediverse user name: `@{handle}@{host}`. */
  handle: string
  title: string
  description: string
  language: string
  discoverable: boolean
  indexable: boolean
  /** Development only: remote actors and inboxes on 127.0.0.1 may be fetched and delivered to. */
  allowLoopback: boolean
  /** Seconds before the first retry of a failed delivery; each further retry waits twice as long. */
  retrySeconds: number
}

const flag = (value: string, fallback: boolean): boolean =>
  value.trim() === '' ? fallback : value.trim().toLowerCase() === 'true'

/** Reads the settings; an invalid FEDI_HANDLE falls back to a name made from the site title. */
export function fediConfig(env: FediVars, requestUrl: URL): FediConfig {
  const configured = env.PUBLIC_BASE_URL.trim().replace(/\/+$/, '')
  const retry = Number(env.FEDI_RETRY_SECONDS)
  return {
    baseUrl: configured || requestUrl.origin,
    handle: fediverseName(env.FEDI_HANDLE, env.SITE_TITLE),
    title: env.SITE_TITLE,
    description: env.SITE_DESCRIPTION,
    language: env.SITE_LANGUAGE,
    discoverable: flag(env.FEDI_DISCOVERABLE, true),
    indexable: flag(env.FEDI_INDEXABLE, true),
    allowLoopback: flag(env.FEDI_ALLOW_LOOPBACK, false),
    retrySeconds: Number.isFinite(retry) && retry > 0 ? retry : 60,
  }
}
