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

export { type PingResult, pingHub } from '../../model/ping-hub.ts'
