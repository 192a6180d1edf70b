/**
 * The discovery Worker: sitemaps, robots.txt, the IndexNow key file, OPML and oEmbed (worker/discovery-paths.ts),
 * and the embargo cron's WebSub and search-engine notices. Reached only through the feed Worker's DISCOVERY service
 * binding (`workers_dev = false`), which forwards those paths and POSTs each cron run to DISCOVERY_CRON_PATH. The
 * same HTTP layer, store and renderers as the feed Worker; only the routes differ. Wiring only.
 */

import type { CronRun } from '../worker/discovery-forward.ts'
import { DISCOVERY_CRON_PATH } from '../worker/discovery-paths.ts'
import { dispatcher } from '../worker/http/dispatch.ts'
import { scheduled } from '../worker/scheduled.ts'
import { discoveryRoutes } from './routes.ts'

/**
 * discovery/wrangler.toml gives the feed Worker's [vars] and CONTENT, not its ASSETS or its bindings to other
 * Workers, which no discovery route reads (the shared code is typed with the feed Worker's Env).
 */
export type DiscoveryEnv = Omit<Env, 'ASSETS' | 'FEDIVERSE' | 'DISCOVERY'>

const routed = dispatcher(discoveryRoutes)

/** A cron run from the feed Worker: `{ scheduledTime, cron }`, answered once the notices are sent. */
async function cronRun(request: Request, env: DiscoveryEnv): Promise<Response> {
  if (request.method !== 'POST') return new Response('Method Not Allowed\n', { status: 405 })
  const run = (await request.json().catch(() => null)) as Partial<CronRun> | null
  if (typeof run?.scheduledTime !== 'number' || typeof run.cron !== 'string')
    return new Response('Bad Request: expected {"scheduledTime": number, "cron": string}\n', { status: 400 })
  await scheduled({ scheduledTime: run.scheduledTime, cron: run.cron }, env as Env)
  return new Response(null, { status: 204 })
}

export default {
  fetch: (request: Request, env: DiscoveryEnv, ctx: ExecutionContext) =>
    new URL(request.url).pathname === DISCOVERY_CRON_PATH
      ? cronRun(request, env)
      : routed(request, env as Env, ctx),
} satisfies ExportedHandler<DiscoveryEnv>
