/** WebSub: after a remote publish, tell the configured hub which feeds changed (W3C WebSub §"publishing"). */
import { FEED_FORMATS, feedUrl } from '../../model/feed-urls.ts'
import type { EditionChanges } from './edition-changes.ts'

/** The feed URLs whose content a publish changes: each added, changed or withdrawn article's feeds, and "all". */
export function changedFeedUrls(report: EditionChanges, baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '')
  const slugs = [...report.added, ...report.changed, ...report.withdrawn]
  const names = [...slugs, ...(report.feedChanged ? ['all'] : [])]
  return names.flatMap((name) => FEED_FORMATS.map((f) => feedUrl(base, name, f.ext)))
}

export { type PingResult, pingHub } from '../../model/ping-hub.ts'
