/** CLI: `npm run content:publish -- --local | --remote [options]` (USAGE below; docs/editors.md "Publish"). */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { KvTarget } from './publish/kv-store.ts'
import { localStoreName } from './publish/local-namespace.ts'
import { type Held, type PublishReceipt, publishReceipt, scheduledLine } from './publish/publish-receipt.ts'

const USAGE =
  'usage: npm run content:publish -- --local | --remote [--dry-run] [--env NAME] [--persist-to DIR] [--root DIR] [--cache DIR] [--hub-delay SECONDS] [--allow-revert SLUG]... [--break-lease] [--drop-v1] [--rebuild-heads]'

async function main(): Promise<number> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse().values
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n${USAGE}`)
    return 2
  }
  if (values.local === values.remote) {
    console.error(`choose exactly one of --local and --remote\n${USAGE}`)
    return 2
  }
  const mode = values.local ? 'local' : 'remote'
  // wrangler's config reader is loaded only for a remote publish (loading wrangler costs seconds of start-up).
  const settings = mode === 'remote' ? await import('./publish/read-websub-settings.ts') : null
  const site = settings?.readWebSubSettings(process.cwd(), values.env) ?? null
  if (site?.hub && !site.baseUrl) {
    console.error(
      'WEBSUB_HUB is set but PUBLIC_BASE_URL is empty: the hub needs absolute feed URLs; set it in wrangler.toml',
    )
    return 2
  }
  const engines = settings?.readSearchEngineSettings(process.cwd(), values.env) ?? null
  if (engines?.wanted && !engines.settings) {
    console.error(
      'INDEXNOW_KEY or BAIDU_PUSH_TOKEN is set but PUBLIC_BASE_URL is empty: search engines need absolute page URLs; set it in wrangler.toml',
    )
    return 2
  }
  const target: KvTarget = {
    mode,
    binding: 'CONTENT',
    cwd: process.cwd(),
    ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}),
    ...(values.env ? { env: values.env } : {}),
  }
  if (values['rebuild-heads']) {
    const { runRebuildHeads } = await import('./publish/run-rebuild.ts')
    const rebuilt = await runRebuildHeads({
      target,
      root: values.root ?? 'content',
      dryRun: values['dry-run'] ?? false,
      breakLease: values['break-lease'] ?? false,
      now: new Date(),
      log: (line) => console.log(line),
    })
    for (const p of rebuilt.ok ? [] : rebuilt.problems) console.error(p)
    return rebuilt.ok ? 0 : 1
  }
  const root = values.root ?? 'content'
  const checkCache = join(values.cache ?? '.cache/renditions', '..', 'check')
  // A local publish of a tree, a KV and code all as the last publish left them stops here, before loading the
  // publish pipeline (editor/publish/publish-receipt.ts).
  const receipt =
    mode === 'local' && !values['dry-run'] && !values['allow-revert'] && !values['drop-v1']
      ? publishReceipt({ root, checkCache, target })
      : null
  const held = receipt ? await heldReceipt(receipt, target) : null
  if (held) {
    for (const s of held.scheduled) console.log(scheduledLine(s))
    console.log(
      `${localStoreName(target.persistTo)} already holds this content: the tree, the store and the editor are as the last publish left them; nothing to write`,
    )
    return 0
  }
  // The local store's module loaded beside the pipeline: the store then opens, and its first listing starts in
  // another process, before the check of the tree takes this thread.
  const [{ runPublish }] = await Promise.all([
    import('./publish/run-publish.ts'),
    mode === 'local' ? import('./publish/local-kv-store.ts') : null,
  ])
  const outcome = await runPublish({
    root,
    target,
    dryRun: values['dry-run'] ?? false,
    allowRevert: new Set(values['allow-revert'] ?? []),
    breakLease: values['break-lease'] ?? false,
    dropLegacy: values['drop-v1'] ?? false,
    now: new Date(),
    cacheDir: values.cache ?? '.cache/renditions',
    checkCache,
    ...(receipt ? { stamps: receipt.stamps } : {}),
    log: (line) => console.log(line),
    ...(engines?.settings ? { searchEngines: engines.settings } : {}),
    ...(site?.hub
      ? {
          websub: { hub: site.hub, baseUrl: site.baseUrl, delayMs: Number(values['hub-delay'] ?? 60) * 1000 },
        }
      : {}),
  })
  if (!outcome.ok) {
    for (const p of outcome.problems) console.error(p)
    console.error(
      `publish stopped: ${outcome.problems.length} problem(s) in the content; nothing was written`,
    )
    return 1
  }
  // Nothing written: the store's stats stand for it; written: the print of the state it left.
  receipt?.record(outcome.scheduled, outcome.print)
  return 0
}

/** What the receipt says when it holds; one a publish that wrote left holds once the store shows its print. */
async function heldReceipt(receipt: PublishReceipt, target: KvTarget): Promise<Held | null> {
  const held = receipt.holds()
  if (held?.print === undefined) return held
  const [{ openKvStore }, { publishedState }] = await Promise.all([
    import('./publish/kv-store.ts'),
    import('./publish/published-state.ts'),
  ])
  try {
    const store = await openKvStore(target)
    try {
      if ((await publishedState(store)).print !== held.print) return null
    } finally {
      await store.close()
    }
  } catch {
    return null // the store could not say: publish checks everything, and says what went wrong there
  }
  // Confirmed: from now on the store's own stats stand for what it holds.
  receipt.record(held.scheduled)
  return held
}

function parse() {
  return parseArgs({
    options: {
      local: { type: 'boolean', default: false },
      remote: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean' },
      env: { type: 'string' },
      'persist-to': { type: 'string' },
      root: { type: 'string' },
      cache: { type: 'string' },
      'hub-delay': { type: 'string' },
      'allow-revert': { type: 'string', multiple: true },
      'break-lease': { type: 'boolean' },
      'drop-v1': { type: 'boolean' },
      'rebuild-heads': { type: 'boolean' },
    },
    strict: true,
  })
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`publish failed: ${e instanceof Error ? e.message : e}`)
    if (e instanceof Error && e.name === 'LeaseHeldError') process.exit(1)
    console.error(
      'KV may hold part of this publish; it still serves a consistent version. Run publish again to converge.',
    )
    process.exit(1)
  },
)
