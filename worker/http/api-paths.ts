/**
 * Which paths are "API" paths, whose clients are programs (feed readers, widgets, oEmbed consumers): their errors are
 * RFC 9457 problem+json with CORS. Derived from the route table's `cors` flags, so a route's row says it once.
 */
import type { Route } from './route-handler.ts'

/**
 * A test for the table's API paths: each `cors` route's own path, and for a route with a parameter every path under
 * its fixed start (`/feeds/:slug.rss` → `/feeds/…`, `/widget.:hash.js` → `/widget.…`), so an unknown feed or media
 * name still gets its 404 as a problem a program can read.
 */
export function apiPaths(routes: readonly Pick<Route, 'path' | 'cors'>[]): (pathname: string) => boolean {
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const { path, cors } of routes) {
    if (!cors) continue
    const param = path.indexOf(':')
    if (param === -1) exact.add(path)
    else prefixes.push(path.slice(0, param))
  }
  return (pathname) => exact.has(pathname) || prefixes.some((prefix) => pathname.startsWith(prefix))
}
