/** WebSub: after a remote publish, tell the configured hub which feeds changed (W3C WebSub §"publishing"). */
import { FEED_FORMATS, feedUrl } from '../../model/feed-urls.ts'
import { keys } from '../../model/store-keys.ts'
import type { PublishPlan } from './plan-publish.ts'

/** The feed URLs whose content this plan changes: each added or changed article's feeds, and the "all" feeds. */
export function changedFeedUrls(plan: PublishPlan, baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '')
  const slugs = [...plan.articles.added, ...plan.articles.changed]
  const allChanged =
    plan.aggregates.some((e) => e.key.startsWith(keys.allPagePrefix())) || plan.articles.removed.length > 0
  const names = [...slugs, ...(allChanged ? ['all'] : [])]
  return names.flatMap((name) => FEED_FORMATS.map((f) => feedUrl(base, name, f.ext)))
}

export interface PingResult {
  url: string
  status: number | 'failed'
}

/** Sends one `hub.mode=publish` request per feed; a hub that fails is reported, never fatal (the content is live). */
export async function pingHub(hub: string, urls: readonly string[]): Promise<PingResult[]> {
  const results: PingResult[] = []
  for (const url of urls) {
    try {
      const res = await fetch(hub, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }),
        signal: AbortSignal.timeout(10_000),
      })
      results.push({ url, status: res.status })
    } catch {
      results.push({ url, status: 'failed' })
    }
  }
  return results
}
