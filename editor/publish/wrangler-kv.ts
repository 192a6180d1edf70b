/**
 * Cloudflare KV through the real wrangler CLI (`--remote`). Its remote `kv key list` follows the cursor (the
 * local one does not: local KV goes through local-kv-store.ts). Binary values go in `kv bulk put` as base64 with
 * `"base64": true`, which Cloudflare's bulk-write API decodes server-side into the original bytes (wrangler's
 * local bulk put is the one that corrupts them, by decoding to a UTF-8 string itself).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isText, type KvEntry, valueBytes } from './kv-entry.ts'
import { chunks, type KvStore, type KvTarget, parseOrNull, sizedBatches } from './kv-store.ts'

/** Environment that keeps wrangler off the network for everything but the KV calls it is asked to make. */
export const QUIET_WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

/** The environment every wrangler this project starts runs in: this process's, quietened, plus `extra`. */
export const wranglerEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...QUIET_WRANGLER_ENV,
  ...extra,
})

/** The wrangler binary this project pins; BROADSHEET_WRANGLER names another (a wrapper, e.g. in fault tests). */
export const wranglerBin = (cwd: string): string =>
  process.env.BROADSHEET_WRANGLER ?? resolve(cwd, 'node_modules/.bin/wrangler')

function targetArgs(t: KvTarget): string[] {
  const args = ['--binding', t.binding, '--remote']
  if (t.env) args.push('--env', t.env)
  return args
}

function run(t: KvTarget, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(wranglerBin(t.cwd), args, {
      cwd: t.cwd,
      env: wranglerEnv(),
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

/** A bulk-put line: bytes travel base64-encoded and the API stores the decoded bytes. */
export const bulkLine = (e: KvEntry) =>
  isText(e)
    ? { key: e.key, value: e.value as string, metadata: e.metadata }
    : { key: e.key, value: Buffer.from(e.value).toString('base64'), base64: true, metadata: e.metadata }

/** A value's size in a bulk-put file: bytes travel base64-encoded (4/3 of their size), plus the line's overhead. */
export const bulkSize = (e: KvEntry) => valueBytes(e) * (isText(e) ? 1 : 1.34) + e.key.length + 100

/**
 * What `wrangler kv bulk get --remote` prints: Cloudflare's bulk-get `result.values` (`{key: text | null}`, null
 * for an absent key: wrangler asks for text values without metadata) as JSON, then a blank line and "Success!".
 * Anything else means wrangler changed its output: stop rather than read every value as absent.
 */
export function parseBulkGetOutput(text: string, keys: readonly string[]): Map<string, string | null> {
  const json = text.replace(/\n\s*Success!\s*$/, '')
  let got: unknown
  try {
    got = JSON.parse(json)
  } catch {
    throw new Error(
      `wrangler kv bulk get printed something other than JSON and "Success!": ${text.slice(0, 200)}`,
    )
  }
  const out = new Map<string, string | null>()
  for (const key of keys) {
    const v = typeof got === 'object' && got !== null ? (got as Record<string, unknown>)[key] : undefined
    if (typeof v !== 'string' && v !== null)
      throw new Error(`wrangler kv bulk get gave ${key} as ${JSON.stringify(v)}, not text or null`)
    out.set(key, v)
  }
  return out
}

/** The keys of a listing that start with `prefix`, with their metadata. */
function underPrefix(listing: ReadonlyMap<string, Record<string, unknown>>, prefix: string) {
  return new Map([...listing].filter(([k]) => k.startsWith(prefix)))
}

/**
 * Every wrangler process costs seconds, so a listing is kept until this store writes or deletes: a later list of
 * the same prefix, or of a longer one inside it, is answered from it. Any write clears them, so a listing taken
 * after the publish lease, or read back after a write step, is always fresh from the API.
 */
export function remoteKvStore(t: KvTarget): KvStore {
  const listings = new Map<string, Promise<Map<string, Record<string, unknown>>>>()
  async function listRemote(prefix: string) {
    const raw: unknown = JSON.parse(await run(t, ['kv', 'key', 'list', '--prefix', prefix, ...targetArgs(t)]))
    if (!Array.isArray(raw)) throw new Error('wrangler kv key list did not return a list')
    const found = new Map<string, Record<string, unknown>>()
    for (const item of raw) if (typeof item?.name === 'string') found.set(item.name, item.metadata ?? {})
    return found
  }
  return {
    where: 'Cloudflare KV (remote)',
    async list(prefix) {
      for (const [held, listing] of listings)
        if (prefix.startsWith(held)) return underPrefix(await listing, prefix)
      const listing = listRemote(prefix)
      listings.set(prefix, listing)
      listing.catch(() => listings.delete(prefix))
      return new Map(await listing)
    },
    async getJson(keys) {
      const out = new Map<string, unknown>()
      for (const batch of chunks(keys, 100)) {
        const text = await withTempFile(JSON.stringify(batch), (file) =>
          run(t, ['kv', 'bulk', 'get', file, ...targetArgs(t)]),
        )
        for (const [key, value] of parseBulkGetOutput(text, batch)) out.set(key, parseOrNull(value))
      }
      return out
    },
    // Checking each media key remotely costs a wrangler process (~9 s): the caller trusts the articles' histories.
    absent: async () => null,
    async put(entries) {
      listings.clear()
      for (const batch of sizedBatches(entries, 5_000, 50_000_000, bulkSize))
        await withTempFile(JSON.stringify(batch.map(bulkLine)), (file) =>
          run(t, ['kv', 'bulk', 'put', file, ...targetArgs(t)]),
        )
    },
    async delete(keys) {
      listings.clear()
      for (const batch of chunks(keys, 5_000))
        await withTempFile(JSON.stringify(batch), (file) =>
          run(t, ['kv', 'bulk', 'delete', file, '--force', ...targetArgs(t)]),
        )
    },
    close: async () => {},
  }
}
