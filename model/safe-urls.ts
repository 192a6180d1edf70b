/** Which URLs a KV value may carry into our output: a foreign or corrupt publish must not smuggle in `javascript:`. */

/**
 * A photo source as article.ts defines it: a site path (`/media/…`, resolved against the base URL) or an
 * absolute https URL. Anything else (`javascript:`, `data:`, a leading blank, a relative path) is refused.
 */
export function isPhotoSrc(src: string): boolean {
  if (src.startsWith('/')) return !src.startsWith('//')
  return isAbsoluteUrl(src, ['https:'])
}

/** A canonical article URL: absolute http(s), written exactly as it parses (no blanks or controls around it). */
export function isPageUrl(url: string): boolean {
  return isAbsoluteUrl(url, ['http:', 'https:'])
}

function isAbsoluteUrl(value: string, schemes: readonly string[]): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false
  try {
    return schemes.includes(new URL(value).protocol)
  } catch {
    return false
  }
}
