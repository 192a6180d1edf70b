/** The seed content (content/) as `content:publish` builds it: the real check, rendition and build steps. */
import { checkContent } from '../../editor/content/check-content.ts'
import { hantEntry } from '../../editor/hant/hant-entries.ts'
import { hantEdition } from '../../editor/hant/hant-writes.ts'
import { renderDrafts } from '../../editor/photos/render-drafts.ts'
import { type BuiltContent, buildEntries, emptySnapshot } from '../../editor/publish/build-entries.ts'
import type { KvEntry } from '../../editor/publish/kv-entry.ts'

/** A fixed publish time, so the built values are the same on every run. */
export const SEED_PUBLISH_TIME = new Date('2026-11-24T02:00:00Z')

/** Checks content/, renders its photos (from .cache/renditions once encoded) and builds every KV entry. */
export async function buildSeedEntries(): Promise<BuiltContent> {
  const checked = await checkContent('content')
  if (checked.problems.length > 0)
    throw new Error(`the seed has problems: ${JSON.stringify(checked.problems)}`)
  const photos = await renderDrafts(checked.articles, {
    root: 'content',
    cacheDir: '.cache/renditions',
    log: () => {},
  })
  return buildEntries(photos.drafts, emptySnapshot(), { now: SEED_PUBLISH_TIME, subjects: checked.subjects })
}

/** The Traditional (zh-TW) edition's values of the given original entries, as publish converts them (content/glossary.txt). */
export function buildSeedHantEntries(entries: readonly KvEntry[]): KvEntry[] {
  const edition = hantEdition('content')
  return entries.flatMap((e) => hantEntry(e, edition.convert, edition.fingerprint) ?? [])
}
