/**
 * The Traditional edition's share of a publish. Every original value a publish writes gets its edition value in the
 * same write step (so the edition is never more half-done than the original); when the glossary or the converter
 * changed since the edition was last converted, or the edition was never published, publish converts every
 * original value once more (a sweep), after its own writes.
 */
import { articleItems } from '../../model/article-items.ts'
import { isPublishedBy } from '../../model/embargo.ts'
import { subjectFeedName } from '../../model/feed-urls.ts'
import { parseStoredArticle } from '../../model/parse-store-values.ts'
import { editionKey, isSharedKey, KEY_PREFIX, keys, subjectOfFeedHeadKey } from '../../model/store-keys.ts'
import { pagePaths } from '../publish/build-entries.ts'
import { type EditionChanges, emptyChanges } from '../publish/edition-changes.ts'
import { isText, type KvEntry } from '../publish/kv-entry.ts'
import { chunks, type KvStore } from '../publish/kv-store.ts'
import { countWrites, type WritePlan, type WriteStep } from '../publish/write-plan.ts'
import { createHantConverter, type HantConverter } from './create-hant-converter.ts'
import { hantEntry, hantEntryOfStored, hantFingerprint } from './hant-entries.ts'
import { readGlossary } from './read-glossary.ts'

/**
 * Converted texts kept per publish, up to this many characters (texts and conversions): a text recurs across the
 * values of one publish (a title in every list of its article, an item's text in its article, the feed's archive
 * and each of its topics' and people's), and converts once.
 */
const MEMO_CHARS = 40_000_000

/** The converter (built on first use: OpenCC's tables take a second to load) and its fingerprint. */
export interface HantEdition {
  convert: HantConverter
  fingerprint: string
}

/** The edition for a content tree (its glossary; a tree whose glossary has problems never reaches publish). */
export function hantEdition(root: string): HantEdition {
  const { entries } = readGlossary(root)
  let converter: HantConverter | undefined
  const memo = new Map<string, string>()
  let kept = 0
  return {
    convert: (text) => {
      let out = memo.get(text)
      if (out === undefined) {
        converter ??= createHantConverter(entries)
        out = converter(text)
        if (kept > MEMO_CHARS) {
          memo.clear()
          kept = 0
        }
        memo.set(text, out)
        kept += text.length + out.length
      }
      return out
    },
    fingerprint: hantFingerprint(entries),
  }
}

/** Steps whose values have edition values (media are shared; commits rewrite only the original's metadata). */
const CONVERTED: ReadonlySet<WriteStep> = new Set(['articles', 'pages', 'heads', 'retired'])

/** The plan with each original value's edition value after it, in its step, and counted. */
export function withHantEntries(plan: WritePlan, edition: HantEdition): WritePlan {
  let added = 0
  const steps = plan.steps.map(([step, entries]): [WriteStep, KvEntry[]] => {
    if (!CONVERTED.has(step)) return [step, entries]
    const twins = entries.flatMap((e) => hantEntry(e, edition.convert, edition.fingerprint) ?? [])
    added += twins.length
    return [step, [...entries, ...twins]]
  })
  return { steps, deletes: plan.deletes, counts: countWrites(steps, plan.deletes, added) }
}

/**
 * Whether the edition must be converted whole: the original is published (`published`: its index head exists) and
 * the edition never was, or was made with another glossary or converter.
 */
export async function hantSweepDue(
  store: KvStore,
  edition: HantEdition,
  published: boolean,
): Promise<boolean> {
  if (!published) return false
  const head = await store.list(editionKey(keys.indexHead(), 'hant'))
  return [...head.values()][0]?.g !== edition.fingerprint
}

/** Where a value goes in write order: articles, then pages, then the heads that link them, then the lists. */
function stepOf(key: string): WriteStep {
  if (key.startsWith(keys.articlePrefix())) return 'articles'
  if (key.startsWith(keys.directoryPrefix()) || key.endsWith(':head') || key === keys.sitemapIndex())
    return 'heads'
  return 'pages'
}

/** Values read and converted per round of a sweep. */
const SWEEP_CHUNK = 500

/**
 * The edition's changes a sweep makes visible now, for notifying: each live article whose converted value is new or
 * differs from the one it replaces (a glossary change touches only the articles that use its terms), and likewise
 * each topic and person feed head (sweptSubjectHead).
 */
function sweptArticle(
  twin: KvEntry,
  before: Record<string, unknown> | undefined,
  now: Date,
  into: EditionChanges,
) {
  if (before?.h === twin.metadata.h || !isText(twin)) return
  const stored = parseStoredArticle(JSON.parse(twin.value as string))
  if (stored.kind !== 'article' || !isPublishedBy(stored.value.article.published, now.getTime())) return
  const { article } = stored.value
  into.changed.push(article.slug)
  into.pages.push(
    ...pagePaths(
      article.slug,
      articleItems(article).map((i) => i.id),
    ),
  )
  into.feedChanged = true
}

/** A topic's or person's Traditional feed head a sweep converts otherwise than before: the hub hears of its feed. */
function sweptSubjectHead(
  key: string,
  twin: KvEntry,
  before: Record<string, unknown> | undefined,
  into: EditionChanges,
) {
  const subject = subjectOfFeedHeadKey(key)
  if (subject && before?.h !== twin.metadata.h)
    into.subjectFeeds.push(subjectFeedName(subject.kind, subject.id))
}

/**
 * Converts every public original value into its edition value (in the write order of a publish), and says which of
 * the edition's articles changed for readers at `now`.
 */
export async function planHantSweep(
  store: KvStore,
  edition: HantEdition,
  now: Date,
): Promise<{ plan: WritePlan; changes: EditionChanges }> {
  const listing = await store.list(KEY_PREFIX)
  const listed = [...listing.keys()].filter((k) => !isSharedKey(k))
  const byStep = new Map<WriteStep, KvEntry[]>([
    ['articles', []],
    ['pages', []],
    ['heads', []],
  ])
  const changes = emptyChanges()
  for (const part of chunks(listed, SWEEP_CHUNK)) {
    const values = await store.getJson(part)
    for (const [key, value] of values) {
      if (value === null) continue
      const twin = hantEntryOfStored(key, value, edition.convert, edition.fingerprint)
      if (!twin) continue
      byStep.get(stepOf(key))?.push(twin)
      if (key.startsWith(keys.articlePrefix())) sweptArticle(twin, listing.get(twin.key), now, changes)
      else sweptSubjectHead(key, twin, listing.get(twin.key), changes)
    }
  }
  const steps = [...byStep]
  const count = steps.reduce((n, [, e]) => n + e.length, 0)
  return { plan: { steps, deletes: [], counts: countWrites(steps, [], count) }, changes }
}
