/** The publish pipeline: check, read only what changed, then write in an order readers can never catch half-done. */
import { spawn } from 'node:child_process'
import { notifySearchEngines, type SearchEngineSettings } from '../../model/notify-search-engines.ts'
import { LEGACY_PREFIX } from '../../model/store-keys.ts'
import { checkForPublish, type PublishCheck } from '../content/check-cache.ts'
import { type CheckedContent, checkContent, formatProblem } from '../content/check-content.ts'
import type { DraftArticle } from '../content/draft.ts'
import type { KnownStamps } from '../content/file-stamp.ts'
import {
  type HantEdition,
  hantEdition,
  hantSweepDue,
  planHantSweep,
  withHantEntries,
} from '../hant/hant-writes.ts'
import { renderDrafts } from '../photos/render-drafts.ts'
import { BatchWriter } from './batch-writer.ts'
import {
  type BuildOptions,
  type BuiltContent,
  emptyPublishReport,
  type PublishReport,
} from './build-entries.ts'
import { buildWithStore } from './build-with-store.ts'
import {
  type ChangesByEdition,
  changedEditionFeedUrls,
  changedPageUrls,
  type EditionChanges,
  emptyChanges,
} from './edition-changes.ts'
import { recycleKeptBytes } from './kept-bytes.ts'
import { type KvStore, type KvTarget, openKvStore } from './kv-store.ts'
import { acquireLease, leaseOwner, releaseLease } from './publish-lease.ts'
import { type Scheduled, scheduledLine } from './publish-receipt.ts'
import { type PublishedState, publishedState, stateAfter } from './published-state.ts'
import { sourceHash } from './source-hash.ts'
import { stopMessages } from './stop-messages.ts'
import { verifyWrites } from './verify-writes.ts'
import { pingHub } from './websub-ping.ts'
import { applyWrites, planWrites, type WritePlan } from './write-plan.ts'

export interface PublishOptions {
  root: string
  target: KvTarget
  dryRun: boolean
  now: Date
  /** Where renditions are cached between publishes (docs/editors.md "Photos"). */
  cacheDir: string
  /** Progress and summary lines (stdout in the CLI). */
  log: (line: string) => void
  /** Slugs whose older file may replace the published version on purpose. */
  allowRevert?: ReadonlySet<string>
  /** Take the lease even from a live owner (after a crashed publish). */
  breakLease?: boolean
  /** Changed articles per batch (default PUBLISH_BATCH). */
  batchSize?: number
  /** Also delete every `v1:` key (the last step of the migration, docs/operators.md "Upgrades"). */
  dropLegacy?: boolean
  /** Remote publishes with a hub configured: ping it for the changed feeds after `delayMs` (KV propagation). */
  websub?: { hub: string; baseUrl: string; delayMs: number }
  /** Remote publishes with IndexNow or Baidu configured: tell them which pages changed (docs/operators.md). */
  searchEngines?: SearchEngineSettings
  /** An open store to publish to instead of opening `target` (the preview's); it is left open. */
  store?: KvStore
  /** The content already checked (the preview re-checks only the files a save touched); else checked here. */
  checked?: Pick<CheckedContent, 'articles' | 'problems' | 'subjects'>
  /**
   * Folder of the check cache (editor/content/check-cache.ts): files unchanged since the last publish are not
   * checked again. Without it every file is checked.
   */
  checkCache?: string
  /** Stamps of the tree's files taken before the publish (the receipt's walk): the cached check stats no file again. */
  stamps?: KnownStamps
}

/** What a publish wrote (or would write): values written and deleted, bytes, the largest value. */
export type PublishCounts = WritePlan['counts']

export type PublishOutcome =
  | { ok: false; problems: string[] }
  | {
      ok: true
      report: PublishReport
      counts: PublishCounts
      written: boolean
      batches: number
      /** Articles stored with a time ahead of the publish (embargoed). */
      scheduled: Scheduled[]
      /** After writing: the print of the published state it left (published-state.ts). */
      print?: string
    }

/**
 * Changed articles built and written per batch. A first publish of a large site runs in batches, each a complete
 * publish of its own (media, articles, pages, heads, commits): memory stays bounded by the batch, not the site, and
 * a publish stopped between batches leaves a consistent site that the next publish completes.
 */
export const PUBLISH_BATCH = 400

/** Runs the whole publish; on any content problem, or anything that would lose work, it writes nothing. */
export async function runPublish(o: PublishOptions): Promise<PublishOutcome> {
  // The store starts (a workerd, locally) while the tree is checked; a tree with problems closes it unused.
  const opening = o.store ? Promise.resolve(o.store) : openKvStore(o.target)
  opening.catch(() => {})
  // The first look at KV too: local KV read from its files answers from another process while this one checks.
  const firstLook = opening.then(publishedState)
  firstLook.catch(() => {})
  // Warnings are content:check's business: publish needs the drafts and the problems only.
  const checked: Pick<PublishCheck, 'articles' | 'problems' | 'subjects'> & Partial<PublishCheck> =
    o.checked ??
    (o.checkCache
      ? await new Promise((next) => setImmediate(next)).then(() =>
          checkForPublish(o.root, o.checkCache as string, o.stamps),
        )
      : await checkContent(o.root, { warnings: false }))
  const { articles: drafts, problems, subjects } = checked
  // Stubs of unchanged files become full drafts before they are built (only a cached check has stubs).
  const full = checked.full ?? ((d: readonly DraftArticle[]) => [...d])
  const store = await opening
  const close = () => (o.store ? Promise.resolve() : store.close())
  if (problems.length > 0) {
    await firstLook.catch(() => {})
    await close()
    return { ok: false, problems: problems.map((p) => formatProblem(p, o.root)) }
  }
  // Embargoes: published now, shown by the Worker from their time on (docs/editors.md "Schedule an article (embargo)").
  const scheduled = drafts
    .filter((a) => Date.parse(a.published) > o.now.getTime())
    .map((a) => ({ slug: a.slug, published: a.published }))
  for (const a of scheduled) o.log(scheduledLine(a))
  const owner = leaseOwner()
  const started = performance.now()
  // The publish clock, moved on by the time spent, for renewing the lease between batches.
  const clock = () => new Date(o.now.getTime() + (performance.now() - started))
  // Source hashes once per publish (every batch and every plan compares the same drafts).
  const sources = new Map(drafts.map((d) => [d.slug, sourceHash(d)]))
  const batch: Pick<BuildOptions, 'batch' | 'taken' | 'sources' | 'subjects'> = {
    batch: o.batchSize ?? PUBLISH_BATCH,
    sources,
    subjects,
  }
  const total = { report: emptyPublishReport(), counts: noCounts(), batches: 0, scheduled }
  // The Traditional edition: beside each value written, or all of it once after the glossary changed.
  const edition = hantEdition(o.root)
  let sweep: boolean | undefined
  // Renditions per draft, kept for the publish: planning again under the lease renders nothing twice.
  const rendered = new Map<DraftArticle, DraftArticle>()
  let leased = false
  let wroteAny = false
  // The published state the original's writes left (computed: a store that shows it was written by no one since).
  let left: PublishedState | undefined
  // Each batch is written while the next one is planned.
  const writer = new BatchWriter(o.log)
  try {
    for (let first = true; ; first = false) {
      // Planned as the store will be once the batch being written is.
      const view = writer.view(store)
      const po: PublishOptions = { ...o, log: writer.planLog() }
      const seen = first ? await firstLook : await publishedState(view)
      let base = seen
      sweep ??= await hantSweepDue(store, edition, seen.indexHead)
      const hant = sweep ? null : edition
      let planned = await planPublish(view, drafts, po, batch, rendered, seen.articles, full, hant)
      if (!planned.ok) {
        await writer.written()
        return planned
      }
      const nothing = planned.plan.counts.written + planned.plan.counts.deleted === 0
      if (!o.dryRun && !nothing && !leased) {
        // Only a publish that writes takes the lease (a no-op writes nothing at all), and it plans again under
        // the lease if another publish changed an article or a head since the first look.
        await acquireLease(store, owner, clock(), o.breakLease)
        leased = true
        const now = await publishedState(store)
        if (now.print !== seen.print) {
          planned = await planPublish(store, drafts, o, batch, rendered, now.articles, full, hant)
          if (!planned.ok) return planned
          base = now
        }
      }
      const { built, plan } = planned
      const { counts } = plan
      total.batches++
      addReport(total.report, built.report, total.batches === 1)
      addCounts(total.counts, counts)
      describe(built, plan, store.where, po)
      await writer.written()
      if (o.dryRun || counts.written + counts.deleted === 0) {
        if (built.report.remaining > 0)
          o.log(
            `${built.report.remaining} more changed articles follow in later batches (a dry run plans the first batch only)`,
          )
        if (!sweep) return { ok: true, ...total, written: false }
        left = base
        break
      }
      const renew = total.batches > 1
      const remaining = built.report.remaining
      const n = total.batches
      writer.start(plan, async () => {
        if (renew) await acquireLease(store, owner, clock()) // renewed for each batch
        // Order matters: nothing points at a value before it is written, and nothing is deleted while referenced.
        await applyWrites(store, plan, afterStep)
        await verifyWrites(store, plan, o.log)
        o.log(`done: ${counts.written} values written, ${counts.deleted} deleted`)
        if (remaining > 0) o.log(`batch ${n} written; ${remaining} changed articles to go`)
      })
      wroteAny = true
      left = stateAfter(base, plan)
      if (remaining === 0) break
      batch.taken = built.taken
    }
    await writer.written()
    // The edition changed as the original did, or as its sweep found.
    let hantChanges: EditionChanges = total.report
    if (sweep) {
      const swept = await sweepEdition(store, edition, o, total.counts, async () => {
        if (!leased) await acquireLease(store, owner, clock(), o.breakLease)
        leased = true
      })
      wroteAny ||= swept !== null
      hantChanges = swept ?? emptyChanges()
    }
    if (!wroteAny) return { ok: true, ...total, written: false }
    const changes: ChangesByEdition = { hans: total.report, hant: hantChanges }
    if (o.searchEngines) await notifyEngines(changes, o.searchEngines, o.log)
    if (o.websub) await notifyHub(changes, o.websub, o.log)
    return { ok: true, ...total, written: true, ...(left && !o.dryRun ? { print: left.print } : {}) }
  } finally {
    // A batch still being written ends before the lease is given back and the store closed.
    await writer.settle()
    if (leased) await releaseLease(store, owner)
    await close()
  }
}

const noCounts = (): PublishCounts => ({
  written: 0,
  media: 0,
  deleted: 0,
  bytes: 0,
  largest: 0,
  edition: 0,
})

function addCounts(into: PublishCounts, c: PublishCounts): void {
  into.edition += c.edition
  into.written += c.written
  into.media += c.media
  into.deleted += c.deleted
  into.bytes += c.bytes
  into.largest = Math.max(into.largest, c.largest)
}

/** Adds one batch's report to the publish's: lists concatenated, `unchanged` as the first batch found it. */
function addReport(into: PublishReport, r: PublishReport, first: boolean): void {
  for (const k of ['added', 'changed', 'withdrawn', 'moved', 'warnings', 'pages', 'subjectFeeds'] as const)
    into[k].push(...r[k])
  if (first) into.unchanged = r.unchanged
  into.feedChanged ||= r.feedChanged
  into.remaining = r.remaining
}

/** Builds one batch against KV and plans its writes, or says why publishing must stop. */
async function planPublish(
  store: KvStore,
  drafts: readonly DraftArticle[],
  o: PublishOptions,
  batch: Pick<BuildOptions, 'batch' | 'taken' | 'sources' | 'subjects'>,
  rendered: Map<DraftArticle, DraftArticle>,
  listed: ReadonlyMap<string, Record<string, unknown>>,
  full: (drafts: readonly DraftArticle[]) => DraftArticle[],
  hant: HantEdition | null,
): Promise<{ ok: true; built: BuiltContent; plan: WritePlan } | { ok: false; problems: string[] }> {
  const built = await buildWithStore(
    store,
    drafts,
    { now: o.now, ...batch, ...(o.allowRevert ? { allowRevert: o.allowRevert } : {}) },
    async (changed) => {
      const fresh = changed.filter((d) => !rendered.has(d))
      if (fresh.length > 0) {
        const whole = full(fresh)
        const photos = await renderDrafts(whole, { root: o.root, cacheDir: o.cacheDir, log: o.log })
        o.log(
          `photos: ${photos.stats.encoded} encoded, ${photos.stats.cached} from the cache (${o.cacheDir})`,
        )
        for (const [i, d] of fresh.entries()) rendered.set(d, photos.drafts[i] ?? whole[i] ?? d)
      }
      return changed.map((d) => rendered.get(d) ?? d)
    },
    listed,
  )
  const stop = stopMessages(built.report, o.root)
  if (stop.length > 0) return { ok: false, problems: stop }
  // Between the long stretches of building, the batch being written meanwhile takes its next step.
  await nextTurn()
  const legacy = o.dropLegacy ? [...(await store.list(LEGACY_PREFIX)).keys()] : []
  const plan = await planWrites(store, built, legacy)
  await nextTurn()
  return { ok: true, built, plan: hant ? withHantEntries(plan, hant) : plan }
}

/** Lets pending I/O callbacks run (a write step finished, a reply from local KV) before going on. */
const nextTurn = () => new Promise<void>((next) => setImmediate(next))

/**
 * Converts the whole Traditional edition (its first publish, or a new glossary): every public value once more,
 * under the lease, after the original's writes. Returns what changed for the edition's readers when it wrote, null
 * when it did not (a dry run only counts).
 */
async function sweepEdition(
  store: KvStore,
  edition: HantEdition,
  o: PublishOptions,
  counts: PublishCounts,
  lease: () => Promise<void>,
): Promise<EditionChanges | null> {
  const { plan, changes } = await planHantSweep(store, edition, o.now)
  o.log(
    `zh-tw edition: new or converted with another glossary: ${plan.counts.written} values to convert (${plan.counts.bytes.toLocaleString('en')} bytes)`,
  )
  addCounts(counts, plan.counts)
  if (o.dryRun || plan.counts.written === 0) return null
  await lease()
  await applyWrites(store, plan, afterStep)
  await verifyWrites(store, plan, o.log)
  recycleKeptBytes()
  o.log(`done: ${plan.counts.written} zh-tw values written`)
  return changes
}

/**
 * Test hook: BROADSHEET_AFTER_STEP is a shell command run after each write step (STEP=media|articles|pages|heads|retired|commits),
 * which fault tests use to slow a publish down or kill it between steps.
 */
function afterStep(step: string): Promise<void> {
  const command = process.env.BROADSHEET_AFTER_STEP
  if (!command) return Promise.resolve()
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, STEP: step } })
    child.on('error', fail)
    child.on('close', () => done())
  })
}

/**
 * IndexNow and Baidu: each edition's changed pages once per publish; a failure is printed, and the publish still
 * succeeds.
 */
async function notifyEngines(changes: ChangesByEdition, s: SearchEngineSettings, log: (l: string) => void) {
  for (const r of await notifySearchEngines(s, changedPageUrls(changes, s.baseUrl))) {
    const ok = typeof r.status === 'number' && r.status >= 200 && r.status < 300
    const outcome = ok ? `${r.status}` : `FAILED (${r.status}${r.detail ? `: ${r.detail}` : ''})`
    log(`${r.engine}: ${r.urls} changed page URLs sent, ${outcome}`)
  }
}

async function notifyHub(
  changes: ChangesByEdition,
  w: NonNullable<PublishOptions['websub']>,
  log: (l: string) => void,
) {
  const urls = changedEditionFeedUrls(changes, w.baseUrl)
  if (urls.length === 0) return
  // KV is eventually consistent: other edge locations may serve the old value for up to 60 s after a write, and a
  // hub fetches the feed as soon as it is pinged. Waiting first means subscribers get the new content.
  log(
    `websub: waiting ${Math.round(w.delayMs / 1000)} s for KV to propagate, then pinging ${w.hub} for ${urls.length} feeds`,
  )
  await new Promise((r) => setTimeout(r, w.delayMs))
  for (const r of await pingHub(w.hub, urls)) log(`  ${r.status === 'failed' ? 'FAILED' : r.status} ${r.url}`)
}

function describe(built: BuiltContent, plan: WritePlan, where: string, o: PublishOptions): void {
  const { steps, deletes, counts } = plan
  const r = built.report
  o.log(`${o.dryRun ? 'plan (dry run, nothing written)' : 'publish'} to ${where}`)
  o.log(
    `articles: ${r.added.length} added, ${r.changed.length} changed, ${r.withdrawn.length} withdrawn, ${r.moved.length} moved, ${r.unchanged} unchanged`,
  )
  for (const [label, slugs] of [
    ['+', r.added],
    ['~', r.changed],
    ['x', r.withdrawn],
    ['>', r.moved],
  ] as const)
    for (const slug of slugs) o.log(`  ${label} ${slug}`)
  for (const w of r.warnings) o.log(`warning: ${w}`)
  if (counts.written + counts.deleted === 0) {
    o.log('KV already holds this content: nothing to write')
    return
  }
  o.log(
    `values: ${counts.written} to write (${counts.bytes.toLocaleString('en')} bytes; ${counts.edition} of them zh-tw), ${counts.deleted} to delete`,
  )
  const shown = steps.flatMap(([, e]) => e).map((e) => `  put ${e.key}`)
  for (const line of shown.length > 200
    ? [...shown.slice(0, 200), `  … and ${shown.length - 200} more`]
    : shown)
    o.log(line)
  for (const k of deletes.slice(0, 200)) o.log(`  delete ${k}`)
}
