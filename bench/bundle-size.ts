/** The Worker bundle's size, raw and gzip, from `wrangler deploy --dry-run` (what Cloudflare would upload). */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { runBin } from '../test/helpers/run-command.ts'

/** Bundles into `outdir` and sums the .js modules; gzip at level 9, as wrangler reports it. */
export async function bundleSize(outdir: string): Promise<{ raw: number; gzip: number }> {
  await rm(outdir, { recursive: true, force: true })
  const run = await runBin('wrangler', ['deploy', '--dry-run', '--outdir', outdir])
  if (run.code !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}${run.stderr}`)
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
