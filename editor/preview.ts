/**
 * `npm run preview [-- --root content --port 8788 --persist-to .wrangler/preview]`: the site from content/, live.
 * The production Worker runs in workerd in this process (editor/preview/preview-worker.ts) on a local KV folder
 * of its own (never remote); on every save the files it touched are checked again, what changed is published
 * through the same publish code, and the open pages reload. A content problem is printed here and shown in the
 * page as `content/FILE:LINE: …`, and the preview keeps serving the last good version.
 */
import { parseArgs } from 'node:util'
import { contentChecker } from './preview/content-checker.ts'
import { type PreviewState, startPreviewServer } from './preview/preview-server.ts'
import { startPreviewWorker } from './preview/preview-worker.ts'
import { watchContent } from './preview/watch-content.ts'
import type { KvStore, KvTarget } from './publish/kv-store.ts'
import { openLocalKvStore } from './publish/local-kv-store.ts'
import { runPublish } from './publish/run-publish.ts'

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'content' },
    port: { type: 'string', default: process.env.PORT ?? '8788' },
    'persist-to': { type: 'string', default: '.wrangler/preview' },
  },
})
const root = values.root ?? 'content'
const persistTo = values['persist-to'] ?? '.wrangler/preview'
const log = (line: string) => process.stdout.write(`${line}\n`)
const target: KvTarget = { mode: 'local', binding: 'CONTENT', cwd: process.cwd(), persistTo }

const worker = await startPreviewWorker(target)
/**
 * Publishes go through the KV folder's files once it has them (after the first publish): a few milliseconds a
 * read or write where a request to the bridge Worker costs tens; the Worker serves what they wrote at once.
 */
let store: KvStore = worker.store
const content = contentChecker(root)
let state: PreviewState = { version: 0, problems: [] }

/** Checks what `changed` touched and publishes to the preview's local KV; returns the new state for the pages. */
async function publish(changed: ReadonlySet<string> | null): Promise<PreviewState> {
  const started = performance.now()
  const checked = await content.check(changed)
  const outcome = await runPublish({
    root,
    target,
    store,
    checked,
    // The preview's KV is this editor's alone: going back to an earlier text (an undo) is not a colleague's
    // edit being reverted, as it would be in the shared KV.
    allowRevert: new Set(checked.articles.map((a) => a.slug)),
    dryRun: false,
    now: new Date(),
    cacheDir: '.cache/renditions',
    log: (line) => log(`  ${line}`),
  })
  const ms = Math.round(performance.now() - started)
  if (!outcome.ok) {
    for (const p of outcome.problems) process.stderr.write(`${p}\n`)
    log(
      `preview: ${outcome.problems.length} problem(s); the pages keep the last good version until you fix them`,
    )
    return { version: state.version, problems: outcome.problems }
  }
  log(`preview: published in ${ms} ms (${new Date().toISOString()}); reloading open pages`)
  return { version: state.version + 1, problems: [] }
}

log(`preview: publishing ${root}/ to local KV in ${persistTo}`)
state = await publish(null)
store = await openLocalKvStore(target, { workerd: worker.store })

const server = await startPreviewServer(worker.url, Number(values.port), state)
const watcher = watchContent(root, async (changed) => {
  log('preview: change seen; checking and publishing')
  state = await publish(changed).catch((error: unknown) => {
    // A failed write (disk full, workerd gone) is not a content problem, but the page should say so too.
    const problem = `preview: publishing failed (${String(error)}); save again to retry`
    process.stderr.write(`${problem}\n`)
    return { version: state.version, problems: [problem] }
  })
  server.publish(state)
})
log(`\npreview: ${server.url}/  (watching ${root}/; Ctrl-C stops)\n`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  watcher.close()
  await server.close()
  await store.close()
  // Left running, workerd would keep its port and a core busy.
  await worker.close()
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop())
