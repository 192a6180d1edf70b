/** The publish pipeline: check, build, compare with KV, then write in an order readers can never catch half-done. */

import { KEY_PREFIX, keys } from '../../model/store-keys.ts'
import { checkContent, formatProblem } from '../content/check-content.ts'
import { renderDrafts } from '../photos/render-drafts.ts'
import { buildEntries } from './build-entries.ts'
import { parsePublishState } from './parse-publish-state.ts'
import { isNoop, type PublishPlan, planPublish } from './plan-publish.ts'
import { changedFeedUrls, pingHub } from './websub-ping.ts'
import { bulkDelete, bulkPut, getText, type KvTarget, listKeys } from './wrangler-kv.ts'

export interface PublishOptions {
  root: string
  target: KvTarget
  dryRun: boolean
  now: Date
  /** Where renditions are cached between publishes (README "Photos"). */
  cacheDir: string
  /** Progress and summary lines (stdout in the CLI). */
  log: (line: string) => void
  /** Remote publishes with a hub configured: ping it for the changed feeds after `delayMs` (KV propagation). */
  websub?: { hub: string; baseUrl: string; delayMs: number }
}

export type PublishOutcome =
  | { ok: false; problems: string[] }
  | { ok: true; plan: PublishPlan; written: boolean }

/** Runs the whole publish; on any content problem it returns them having written nothing. */
export async function runPublish(o: PublishOptions): Promise<PublishOutcome> {
  const { articles, problems } = await checkContent(o.root)
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => formatProblem(p, o.root)) }
  // Embargoes: published now, shown by the Worker from their time on (README "Scheduled publishing").
  for (const a of articles)
    if (Date.parse(a.published) > o.now.getTime())
      o.log(
        `scheduled: ${a.slug} at ${a.published} (stored now; no page, feed, OPML, oEmbed or widget shows it before)`,
      )

  const photos = await renderDrafts(articles, { root: o.root, cacheDir: o.cacheDir, log: o.log })
  o.log(`photos: ${photos.stats.encoded} encoded, ${photos.stats.cached} from the cache (${o.cacheDir})`)
  const listing = await listKeys(o.target, KEY_PREFIX)
  const stateKey = keys.publishState()
  const previous = parsePublishState(listing.has(stateKey) ? await getText(o.target, stateKey) : null)
  const plan = planPublish(buildEntries(photos.drafts, previous, o.now), listing)
  describe(plan, o)
  if (o.dryRun || isNoop(plan)) return { ok: true, plan, written: false }

  // Order matters: a reader must never see the index or an "all" page point at an article that is not there yet,
  // and nothing is deleted until nothing points at it.
  await bulkPut(o.target, plan.content)
  await bulkPut(o.target, plan.aggregates)
  await bulkDelete(o.target, plan.deletes)
  o.log(`done: ${plan.content.length + plan.aggregates.length} keys written, ${plan.deletes.length} deleted`)
  if (o.websub) await notifyHub(plan, o.websub, o.log)
  return { ok: true, plan, written: true }
}

async function notifyHub(
  plan: PublishPlan,
  w: NonNullable<PublishOptions['websub']>,
  log: (l: string) => void,
) {
  const urls = changedFeedUrls(plan, w.baseUrl)
  if (urls.length === 0) return
  // KV is eventually consistent: other edge locations may serve the old value for up to 60 s after a write, and a
  // hub fetches the feed as soon as it is pinged. Waiting first means subscribers get the new content.
  log(
    `websub: waiting ${Math.round(w.delayMs / 1000)} s for KV to propagate, then pinging ${w.hub} for ${urls.length} feeds`,
  )
  await new Promise((r) => setTimeout(r, w.delayMs))
  for (const r of await pingHub(w.hub, urls)) log(`  ${r.status === 'failed' ? 'FAILED' : r.status} ${r.url}`)
}

function describe(plan: PublishPlan, o: PublishOptions): void {
  const { added, changed, removed } = plan.articles
  const where =
    o.target.mode === 'local'
      ? `local KV (${o.target.persistTo ?? '.wrangler/state'})`
      : 'Cloudflare KV (remote)'
  o.log(`${o.dryRun ? 'plan (dry run, nothing written)' : 'publish'} to ${where}`)
  o.log(`articles: ${added.length} added, ${changed.length} changed, ${removed.length} removed`)
  for (const [label, slugs] of [
    ['+', added],
    ['~', changed],
    ['-', removed],
  ] as const)
    for (const slug of slugs) o.log(`  ${label} ${slug}`)
  if (isNoop(plan)) {
    o.log('KV already holds this content: nothing to write')
    return
  }
  const writes = plan.content.length + plan.aggregates.length
  o.log(
    `keys: ${writes} to write (${plan.bytes.toLocaleString('en')} bytes), ${plan.deletes.length} to delete`,
  )
  for (const e of [...plan.content, ...plan.aggregates]) o.log(`  put ${e.key}`)
  for (const k of plan.deletes) o.log(`  delete ${k}`)
}
