/** Talks to KV through real wrangler (`wrangler kv ...`), locally or on Cloudflare; never a reimplementation. */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type KvEntry, type KvListing, valueBytes } from './kv-entry.ts'

export interface KvTarget {
  mode: 'local' | 'remote'
  /** Local only: wrangler's state folder (default .wrangler/state). */
  persistTo?: string
  /** wrangler environment (`--env NAME`). */
  env?: string
  binding: string
  /** Folder holding wrangler.toml. */
  cwd: string
}

/** Environment that keeps wrangler off the network for everything but the (remote) KV calls it is asked to make. */
export const QUIET_WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

/** The wrangler binary this project pins; BROADSHEET_WRANGLER names another (a wrapper, e.g. in fault tests). */
export const wranglerBin = (cwd: string): string =>
  process.env.BROADSHEET_WRANGLER ?? resolve(cwd, 'node_modules/.bin/wrangler')

function targetArgs(t: KvTarget): string[] {
  const args = ['--binding', t.binding, t.mode === 'local' ? '--local' : '--remote']
  if (t.mode === 'local') args.push('--persist-to', t.persistTo ?? '.wrangler/state')
  if (t.env) args.push('--env', t.env)
  return args
}

function run(t: KvTarget, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(wranglerBin(t.cwd), args, {
      cwd: t.cwd,
      env: { ...process.env, ...QUIET_WRANGLER_ENV },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0
        ? done(out)
        : fail(new Error(`wrangler ${args.join(' ')} failed (exit ${code}):\n${err || out}`)),
    )
  })
}

/** Every key under `prefix` with the content hash (`metadata.h`) it was written with. */
export async function listKeys(t: KvTarget, prefix: string): Promise<KvListing> {
  const raw: unknown = JSON.parse(await run(t, ['kv', 'key', 'list', '--prefix', prefix, ...targetArgs(t)]))
  if (!Array.isArray(raw)) throw new Error('wrangler kv key list did not return a list')
  const listing = new Map<string, string | undefined>()
  for (const item of raw) {
    if (typeof item?.name !== 'string') continue
    const h = item.metadata?.h
    listing.set(item.name, typeof h === 'string' ? h : undefined)
  }
  return listing
}

/** The text value of a key that `listKeys` showed to exist. */
export const getText = (t: KvTarget, key: string): Promise<string> =>
  run(t, ['kv', 'key', 'get', key, '--text', ...targetArgs(t)])

async function withTempFile<T>(content: string, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-kv-'))
  try {
    const file = join(dir, 'batch.json')
    await writeFile(file, content)
    return await use(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Writes entries with `wrangler kv bulk put`, in batches within wrangler's limits (10,000 keys, 100 MB). */
export async function bulkPut(t: KvTarget, entries: readonly KvEntry[]): Promise<void> {
  for (const batch of batches(entries, 5_000, 50_000_000))
    await withTempFile(JSON.stringify(batch.map(bulkLine)), (file) =>
      run(t, ['kv', 'bulk', 'put', file, ...targetArgs(t)]),
    )
}

/** Deletes keys with `wrangler kv bulk delete`. */
export async function bulkDelete(t: KvTarget, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 5_000)
    await withTempFile(JSON.stringify(keys.slice(i, i + 5_000)), (file) =>
      run(t, ['kv', 'bulk', 'delete', file, '--force', ...targetArgs(t)]),
    )
}

/** A bulk-put line: bytes travel base64-encoded (the remote API decodes them; see README "What publish writes"). */
export const bulkLine = (e: KvEntry) =>
  typeof e.value === 'string'
    ? e
    : { key: e.key, value: Buffer.from(e.value).toString('base64'), base64: true, metadata: e.metadata }

function* batches(entries: readonly KvEntry[], maxCount: number, maxBytes: number): Generator<KvEntry[]> {
  let batch: KvEntry[] = []
  let bytes = 0
  for (const e of entries) {
    const size = valueBytes(e) * (typeof e.value === 'string' ? 1 : 1.34) + e.key.length + 100
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      yield batch
      batch = []
      bytes = 0
    }
    batch.push(e)
    bytes += size
  }
  if (batch.length > 0) yield batch
}
