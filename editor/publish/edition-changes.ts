/**
 * What a publish changed that readers can see, per edition, for telling others (search engines, the WebSub hub):
 * the original's from its report, the Traditional edition's the same when its values were written beside the
 * original's, or as its sweep found them. Each edition's URLs start from its own base (`/zh-tw` after the origin).
 */
import { EDITIONS, type EditionName } from '../../model/edition.ts'
import type { PublishReport } from './build-entries.ts'
import { changedFeedUrls } from './websub-ping.ts'

/** The part of a publish report that names what changed for readers. */
export type EditionChanges = Pick<
  PublishReport,
  'added' | 'changed' | 'withdrawn' | 'feedChanged' | 'subjectFeeds' | 'pages'
>

export const emptyChanges = (): EditionChanges => ({
  added: [],
  changed: [],
  withdrawn: [],
  feedChanged: false,
  subjectFeeds: [],
  pages: [],
})

/** Each edition's changes; an edition publish did not write is absent. */
export type ChangesByEdition = Partial<Record<EditionName, EditionChanges>>

const baseOf = (baseUrl: string, edition: EditionName) =>
  `${baseUrl.replace(/\/+$/, '')}${EDITIONS[edition].path}`

/** Every edition's changed page URLs (article and item pages), each once, the original's first. */
export function changedPageUrls(changes: ChangesByEdition, baseUrl: string): string[] {
  const urls = Object.entries(changes).flatMap(([edition, c]) =>
    c.pages.map((path) => `${baseOf(baseUrl, edition as EditionName)}${path}`),
  )
  return [...new Set(urls)]
}

/**
 * Every edition's changed feed URLs (each changed article's feeds, "all", the topic and person feeds whose heads
 * were written), the original's first.
 */
export function changedEditionFeedUrls(changes: ChangesByEdition, baseUrl: string): string[] {
  return Object.entries(changes).flatMap(([edition, c]) =>
    changedFeedUrls(c, baseOf(baseUrl, edition as EditionName)),
  )
}
