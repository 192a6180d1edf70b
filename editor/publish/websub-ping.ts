/** WebSub: after a remote publish, tell the configured hub which feeds changed (W3C WebSub §"publishing"). */
import { FEED_FORMATS, feedUrl } from '../../model/feed-urls.ts'
import type { EditionChanges } from './edition-changes.ts'

/**
 * The feed URLs whose content a publish changes, each once: each added, changed or withdrawn article's feeds, "all",
 * and the topic and person feeds whose heads it wrote (a publish in batches may write one head in several).
 */
export function changedFeedUrls(report: EditionChanges, baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '')
  const slugs = [...report.added, ...report.changed, ...report.withdrawn]
  const names = new Set([...slugs, ...(report.feedChanged ? ['all'] : []), ...report.subjectFeeds])
  return [...names].flatMap((name) => FEED_FORMATS.map((f) => feedUrl(base, name, f.ext)))
}

export { type PingResult, pingHub } from '../../model/ping-hub.ts'
