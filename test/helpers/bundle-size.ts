/** The feed Worker bundle's size, raw and gzip, from `wrangler deploy --dry-run` (what Cloudflare would upload). */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { runBin } from './run-command.ts'

/**
 * The feed Worker's budget: its bundle at most this many bytes after gzip level 9. It answers every feed and page,
 * so it is what a cold isolate loads first; what is rarely asked for is the discovery Worker's (discovery/).
 */
export const FEED_WORKER_GZIP_BUDGET = 25 * 1024

/** Bundles a Worker (its wrangler config) into `outdir` (index.js) as `wrangler deploy` would upload it. */
export async function bundleWorker(outdir: string, config = 'wrangler.toml'): Promise<void> {
  await rm(outdir, { recursive: true, force: true })
  const run = await runBin('wrangler', ['deploy', '--dry-run', '-c', config, '--outdir', outdir])
  if (run.code !== 0)
    throw new Error(`wrangler deploy --dry-run -c ${config} failed:\n${run.stdout}${run.stderr}`)
}

/** Bundles the feed Worker (wrangler.toml) into `outdir` and sums the .js modules; gzip level 9, as wrangler reports it. */
export async function bundleSize(outdir: string): Promise<{ raw: number; gzip: number }> {
  await bundleWorker(outdir)
  let raw = 0
  let gzip = 0
  for (const name of await readdir(outdir)) {
    if (!name.endsWith('.js') && !name.endsWith('.mjs')) continue
    const code = await readFile(join(outdir, name))
    raw += code.byteLength
    gzip += gzipSync(code, { level: 9 }).byteLength
  }
  return { raw, gzip }
}

/** The benches' line for a size: raw and gzip KB against the budget. */
export function bundleSizeLine(size: { raw: number; gzip: number }): string {
  const kb = (n: number) => (n / 1024).toFixed(1)
  const met = size.gzip <= FEED_WORKER_GZIP_BUDGET ? 'met' : 'MISSED'
  return `  bundle (wrangler deploy --dry-run)  ${kb(size.raw)} KB raw, ${kb(size.gzip)} KB gzip   goal <= ${kb(FEED_WORKER_GZIP_BUDGET)} KB gzip: ${met}`
}
