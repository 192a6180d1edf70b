/**
 * What the feed Worker hands to the discovery Worker (discovery/) through the DISCOVERY service binding: the
 * requests for its paths (worker/discovery-paths.ts), unchanged, and the cron's notices.
 */
import { DISCOVERY_CRON_PATH } from './discovery-paths.ts'
import type { ForwardedRoute } from './http/route-handler.ts'

/** Route rows for `rows`' paths, answered by the discovery Worker. */
export const toDiscovery = (rows: readonly { path: string; cors: boolean }[]): ForwardedRoute[] =>
  rows.map((r) => ({ ...r, forward: (env) => env.DISCOVERY }))

/** Where the cron sends its run (the host is not used by a binding). */
const DISCOVERY_CRON_URL = `https://discovery.internal${DISCOVERY_CRON_PATH}`

/** What a cron run tells the discovery Worker: the trigger's time and expression (worker/scheduled.ts). */
export interface CronRun {
  scheduledTime: number
  cron: string
}

/**
 * The cron's part for WebSub and search engines: one POST naming the run; the discovery Worker logs what it sent. A
 * failure is logged, never thrown (the fediverse's part goes on).
 */
export async function cronOnDiscovery(run: CronRun, env: Env): Promise<void> {
  const body = JSON.stringify({ scheduledTime: run.scheduledTime, cron: run.cron } satisfies CronRun)
  try {
    const response = await env.DISCOVERY.fetch(DISCOVERY_CRON_URL, { method: 'POST', body })
    if (!response.ok) console.log(`discovery cron: ${response.status} ${await response.text()}`)
  } catch (e) {
    console.log(`discovery cron: ${e}`)
  }
}
