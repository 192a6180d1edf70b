/** `/robots.txt` and the IndexNow key file `/{key}.txt`: plain text built from the configuration, no KV read. */
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { renderRobots } from '../render/render-robots.ts'

/** Everything may be crawled; the sitemap index is named by absolute URL (the base URL is in the ETag). */
export const robotsRoute: RouteHandler = ({ site }) => ({
  contentType: 'text/plain; charset=utf-8',
  version: 'robots-1',
  cache: 'static',
  body: renderRobots(site),
})

/** IndexNow keys: 8 to 128 of a-z, A-Z, 0-9 and `-` (indexnow.org). */
const INDEXNOW_KEY = /^[a-zA-Z0-9-]{8,128}$/

/** `/{key}.txt` answers the configured INDEXNOW_KEY (proof of ownership for IndexNow), any other name 404. */
export const indexNowKeyRoute: RouteHandler = ({ env, params }) => {
  const key = (env.INDEXNOW_KEY ?? '').trim()
  if (!INDEXNOW_KEY.test(key) || params.key !== key) throw notFound()
  return { contentType: 'text/plain; charset=utf-8', version: `indexnow-${key}`, cache: 'static', body: key }
}
