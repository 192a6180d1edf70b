/**
 * The Cron Trigger (wrangler.toml `[triggers] crons`): when an embargo lifted since the previous run, tell the
 * WebSub hub about the feeds that now show the article. Visibility itself needs no cron (the Worker decides it per
 * request); only the hub has to be told, and nobody runs publish at that moment.
 */
import { liftedBetween } from '../model/embargo.ts'
import { FEED_FORMATS, feedUrl } from '../model/feed-urls.ts'
import { pingHub } from '../model/ping-hub.ts'
import { readIndexHead } from './store.ts'

/** Minutes between runs: must match the cron expression in wrangler.toml (`*\/5 * * * *`). */
export const CRON_MINUTES = 5

/** The feed URLs to ping for the articles whose embargo lifted in (`scheduledTime` − one period, `scheduledTime`]. */
export async function liftedFeedUrls(env: Env, scheduledTime: number): Promise<string[]> {
  const base = env.PUBLIC_BASE_URL.trim().replace(/\/+$/, '')
  const index = await readIndexHead(env.CONTENT)
  if (!base || index === null) return []
  const from = scheduledTime - CRON_MINUTES * 60_000
  const lifted = liftedBetween(index.articles, (a) => a.published, from, scheduledTime)
  if (lifted.length === 0) return []
  return [...lifted.map((a) => a.slug), 'all'].flatMap((name) =>
    FEED_FORMATS.map((f) => feedUrl(base, name, f.ext)),
  )
}

/** Pings the hub (when WEBSUB_HUB is set) for every feed an embargo changed; one log line per ping. */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const hub = env.WEBSUB_HUB.trim()
  if (!hub) return
  if (!env.PUBLIC_BASE_URL.trim()) {
    console.log('websub: WEBSUB_HUB is set but PUBLIC_BASE_URL is empty; a cron run cannot name the feeds')
    return
  }
  const urls = await liftedFeedUrls(env, controller.scheduledTime)
  for (const r of await pingHub(hub, urls)) console.log(`websub: ${r.status} ${r.url}`)
}
