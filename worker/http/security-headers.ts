/** Security headers: a strict CSP for our HTML pages, and a sandboxing CSP for everything else. */
import { PAGE_STYLE } from '../render/page-style.ts'

let styleSource: Promise<string> | undefined

/** The CSP source of the pages' one inline <style>, hashed once per isolate. */
function pageStyleSource(): Promise<string> {
  styleSource ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(PAGE_STYLE))
    .then((d) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(d)))}'`)
  return styleSource
}

/**
 * Pages run no inline script (JSON-LD is data, not run); `script-src 'self'` admits /widget.js for the home
 * page's live demo; photos may be absolute https URLs; nobody may frame us.
 */
export async function pageSecurityHeaders(): Promise<Record<string, string>> {
  const csp = [
    "default-src 'none'",
    `style-src ${await pageStyleSource()}`,
    "img-src 'self' https: data:",
    "script-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  }
}

/**
 * Everything that is not one of our pages (feeds, JSON, images, scripts): if opened directly in a browser,
 * it is sandboxed with no script, so an SVG or a feed carrying markup can never act as our origin.
 */
export const RESOURCE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
}
