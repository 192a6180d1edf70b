/** Site-wide settings from wrangler.toml [vars], resolved once per request. */
import { EDITIONS, type Edition } from '../model/edition.ts'
import { fediverseName } from '../model/fediverse-handle.ts'

export interface SiteConfig {
  /**
   * Where the edition's pages and feeds live, without trailing slash: the site's origin (PUBLIC_BASE_URL, or the
   * request's origin when that is empty), followed by the edition's path (`/zh-tw`) in the Traditional edition.
   */
  baseUrl: string
  /** The site's origin alone: what every edition shares (media, icons, the widget script). */
  origin: string
  /** The edition this request reads and renders (model/edition.ts). */
  edition: Edition
  title: string
  description: string
  language: string
  /** WebSub hub URL, when one is configured. */
  hub?: string
  /** The paper's fediverse user name (the federation Worker's actor answers to `@{name}@{host}`). */
  fediverseName?: string
}

/** The wrangler.toml [vars] this module reads (a structural slice of `Env`, so pure code need not know the bindings). */
export interface SiteVars {
  PUBLIC_BASE_URL: string
  SITE_TITLE: string
  SITE_DESCRIPTION: string
  SITE_LANGUAGE: string
  WEBSUB_HUB: string
  FEDI_HANDLE: string
}

/**
 * Reads the configuration; the base URL falls back to the request origin so local and preview hosts just work.
 * The Traditional edition writes its own language (zh-TW) whatever SITE_LANGUAGE says.
 */
export function siteConfig(env: SiteVars, requestUrl: URL, edition: Edition = EDITIONS.hans): SiteConfig {
  const site = configuredSite(env)
  const origin = site.origin || requestUrl.origin
  const language = edition.name === 'hans' ? site.language : edition.lang
  return { ...site, origin, baseUrl: `${origin}${edition.path}`, edition, language }
}

/** The configuration without a request: `baseUrl` is empty when PUBLIC_BASE_URL is (it follows the request origin). */
export function configuredSite(env: SiteVars): SiteConfig {
  const hub = env.WEBSUB_HUB.trim()
  const origin = env.PUBLIC_BASE_URL.trim().replace(/\/+$/, '')
  return {
    baseUrl: origin,
    origin,
    edition: EDITIONS.hans,
    title: env.SITE_TITLE,
    description: env.SITE_DESCRIPTION,
    language: env.SITE_LANGUAGE,
    ...(hub ? { hub } : {}),
    fediverseName: fediverseName(env.FEDI_HANDLE ?? '', env.SITE_TITLE),
  }
}

/**
 * The whole configuration as one string: part of every ETag (http/respond.ts), the feed items' memo key
 * (render/feed-document.ts) and the isolate cache's check (http/isolate-cache.ts), so a changed setting never serves
 * what the old one made. A field added to SiteConfig goes in here.
 */
export function siteFingerprint(site: SiteConfig): string {
  const { baseUrl, origin, title, description, language, hub, edition } = site
  return [baseUrl, origin, title, description, language, hub ?? '', edition.name].join('\n')
}
