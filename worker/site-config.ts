/** Site-wide settings from wrangler.toml [vars], resolved once per request. */

export interface SiteConfig {
  /** Absolute origin without trailing slash: PUBLIC_BASE_URL, or the request's origin when that is empty. */
  baseUrl: string
  title: string
  description: string
  language: string
  /** WebSub hub URL, when one is configured. */
  hub?: string
}

/** The wrangler.toml [vars] this module reads (a structural slice of `Env`, so pure code need not know the bindings). */
export interface SiteVars {
  PUBLIC_BASE_URL: string
  SITE_TITLE: string
  SITE_DESCRIPTION: string
  SITE_LANGUAGE: string
  WEBSUB_HUB: string
}

/** Reads the configuration; the base URL falls back to the request origin so local and preview hosts just work. */
export function siteConfig(env: SiteVars, requestUrl: URL): SiteConfig {
  const configured = env.PUBLIC_BASE_URL.trim().replace(/\/+$/, '')
  const hub = env.WEBSUB_HUB.trim()
  return {
    baseUrl: configured || requestUrl.origin,
    title: env.SITE_TITLE,
    description: env.SITE_DESCRIPTION,
    language: env.SITE_LANGUAGE,
    ...(hub ? { hub } : {}),
  }
}
