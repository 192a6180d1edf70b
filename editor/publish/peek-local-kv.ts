/**
 * Reads local KV without starting workerd: the SQLite index Miniflare keeps of a namespace
 * (`…/v3/kv/miniflare-KVNamespaceObject/*.sqlite`, table `_mf_entries`: key, blob id, expiration, metadata) opened
 * read-only by Python's sqlite3 in one read transaction (one consistent snapshot, beside a running `wrangler dev`),
 * and the values' bytes from the namespace's blob files. Listing, values and absence only: writes go through
 * workerd (local-kv-store.ts). Anything this does not recognise (no index yet, another layout, an expiring key,
 * no python3) makes it answer null or fail, and the caller reads through workerd instead.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chunks, IncompleteListingError, type KvStore, parseOrNull } from './kv-store.ts'

/** Keys per request (each a line of JSON). */
const KEYS_PER_CALL = 1_000

const READER = String.raw`
import json, os, sqlite3, sys
db, blobs = sys.argv[1], sys.argv[2]
c = sqlite3.connect('file:' + db + '?mode=ro', uri=True, isolation_level=None)
c.execute('BEGIN')
cols = [r[1] for r in c.execute('PRAGMA table_info(_mf_entries)')]
if cols[:4] != ['key', 'blob_id', 'expiration', 'metadata']:
    raise SystemExit('unknown layout: ' + repr(cols))
def rows(keys):
    out = {}
    for i in range(0, len(keys), 500):
        part = keys[i:i + 500]
        q = 'SELECT key, blob_id, expiration FROM _mf_entries WHERE key IN (%s)' % ','.join('?' * len(part))
        for k, b, e in c.execute(q, part):
            if e is not None:
                raise SystemExit('expiring key ' + k)
            out[k] = b
    return out
def blob(b):
    with open(os.path.join(blobs, b), 'rb') as f:
        data = f.read()
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return None
for line in sys.stdin:
    ask = json.loads(line)
    if 'list' in ask:
        p = ask['list']
        found = []
        q = 'SELECT key, expiration, metadata FROM _mf_entries WHERE key >= ? AND key < ? ORDER BY key'
        for k, e, m in c.execute(q, (p, p + '\U0010ffff')):
            if e is not None:
                raise SystemExit('expiring key ' + k)
            found.append([k, json.loads(m) if m else {}])
        answer = found
    elif 'get' in ask:
        have = rows(ask['get'])
        answer = {k: blob(have[k]) if k in have else None for k in ask['get']}
    else:
        have = rows(ask['absent'])
        answer = [k for k in ask['absent'] if k not in have]
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + '\n')
    sys.stdout.flush()
`

/** The namespace's SQLite index, when exactly one file can be it; else null. */
function indexFile(kvPersist: string, id: string): string | null {
  const dir = join(kvPersist, 'miniflare-KVNamespaceObject')
  if (!existsSync(join(kvPersist, id, 'blobs')) || !existsSync(dir)) return null
  const dbs = readdirSync(dir).filter((n) => n.endsWith('.sqlite') && n !== 'metadata.sqlite')
  // One namespace stored: its index is the only one (with several, which is which is Miniflare's secret).
  return dbs.length === 1 && dbs[0] ? join(dir, dbs[0]) : null
}

/** A read-only store on the namespace's files, or null when they are not there to read. */
export function peekLocalKv(kvPersist: string, id: string, where: string): KvStore | null {
  const db = indexFile(kvPersist, id)
  if (!db) return null
  let child: ChildProcessWithoutNullStreams | null = null
  let lines: AsyncIterator<string> | null = null
  let stderr = ''
  let closed: Promise<unknown> = Promise.resolve()
  async function ask<T>(request: unknown): Promise<T> {
    if (!child || !lines) {
      child = spawn('python3', ['-c', READER, db as string, join(kvPersist, id, 'blobs')], {
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      child.stderr.on('data', (d) => (stderr += d))
      // No python3: the answer below ends with no line, and the caller reads through workerd.
      child.on('error', (e) => (stderr += String(e)))
      child.stdin.on('error', (e) => (stderr += String(e)))
      const started = child
      closed = new Promise((end) => started.once('close', end))
      lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    }
    child.stdin.write(`${JSON.stringify(request)}\n`)
    const line = await lines.next()
    if (line.done) throw new Error(`local KV reader stopped: ${stderr.trim().split('\n').at(-1) ?? ''}`)
    return JSON.parse(line.value) as T
  }
  return {
    where,
    async list(prefix) {
      const found = await ask<[string, Record<string, unknown>][]>({ list: prefix }).catch((e: unknown) => {
        throw new IncompleteListingError(prefix, String(e))
      })
      return new Map(found)
    },
    async getJson(keys) {
      const out = new Map<string, unknown>()
      for (const batch of chunks(keys, KEYS_PER_CALL)) {
        const got = await ask<Record<string, string | null>>({ get: batch })
        for (const k of batch) out.set(k, parseOrNull(got[k] ?? null))
      }
      return out
    },
    async absent(keys) {
      const missing = new Set<string>()
      for (const batch of chunks(keys, KEYS_PER_CALL))
        for (const k of await ask<string[]>({ absent: batch })) missing.add(k)
      return missing
    },
    put: () => Promise.reject(new Error('the local KV reader does not write')),
    delete: () => Promise.reject(new Error('the local KV reader does not write')),
    async close() {
      child?.stdin.end()
      await closed
    },
  }
}
