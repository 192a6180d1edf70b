/**
 * Local KV through its files, without starting workerd: the SQLite index Miniflare keeps of a namespace
 * (`…/v3/kv/miniflare-KVNamespaceObject/*.sqlite`, table `_mf_entries`: key, blob id, expiration, metadata) opened
 * by Python's sqlite3, and the values' bytes in the namespace's blob files. Reads come from one read transaction
 * (one consistent snapshot, beside a running `wrangler dev`), renewed after each write. Writes are Miniflare's own
 * (node_modules/miniflare/dist/src/workers/shared/index.worker.js, KeyValueStorage.put and BlobStore): each value
 * in a new blob file named by 32 random bytes and the time, then its row replaced in one SQLite transaction per call
 * (all of a call's values appear at once, or none), then the replaced blobs removed. The index is in WAL mode, so
 * a `wrangler dev` reading it never waits, as when a second workerd wrote it. Anything this does not recognise (no
 * index yet, another layout, an expiring key, no python3) makes it answer null or fail, and the caller goes
 * through workerd instead.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { writeFiles } from './file-writer.ts'
import { type KvEntry, valueData } from './kv-entry.ts'
import { chunks, IncompleteListingError, type KvStore, parseOrNull } from './kv-store.ts'

/** Keys per request (each a line of JSON). */
const KEYS_PER_CALL = 1_000

const PROGRAM = String.raw`
import json, os, sqlite3, sys
db, blobs = sys.argv[1], sys.argv[2]
c = sqlite3.connect('file:' + db + '?mode=ro', uri=True, isolation_level=None)
c.execute('BEGIN')
cols = [r[1] for r in c.execute('PRAGMA table_info(_mf_entries)')]
if cols[:4] != ['key', 'blob_id', 'expiration', 'metadata']:
    raise SystemExit('unknown layout: ' + repr(cols))
w = None
def write(rows):
    global w
    if w is None:
        w = sqlite3.connect(db, isolation_level=None, timeout=30)
    w.execute('BEGIN IMMEDIATE')
    try:
        old = rows(w)
        w.execute('COMMIT')
    except BaseException:
        w.execute('ROLLBACK')
        raise
    # A new snapshot for the reads that follow: they see this write.
    c.execute('COMMIT')
    c.execute('BEGIN')
    return old
def put(entries):
    def rows(w):
        old = []
        for k, b, m in entries:
            for (prev,) in w.execute('SELECT blob_id FROM _mf_entries WHERE key = ?', (k,)):
                old.append(prev)
            w.execute('INSERT OR REPLACE INTO _mf_entries (key, blob_id, expiration, metadata) VALUES (?, ?, NULL, ?)', (k, b, m))
        return old
    return write(rows)
def delete(keys):
    def rows(w):
        old = []
        for k in keys:
            old += [b for (b,) in w.execute('DELETE FROM _mf_entries WHERE key = ? RETURNING blob_id', (k,))]
        return old
    return write(rows)
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
    elif 'meta' in ask:
        found = {}
        for i in range(0, len(ask['meta']), 500):
            part = ask['meta'][i:i + 500]
            q = 'SELECT key, expiration, metadata FROM _mf_entries WHERE key IN (%s)' % ','.join('?' * len(part))
            for k, e, m in c.execute(q, part):
                if e is not None:
                    raise SystemExit('expiring key ' + k)
                found[k] = json.loads(m) if m else {}
        answer = found
    elif 'absent' in ask:
        have = rows(ask['absent'])
        answer = [k for k in ask['absent'] if k not in have]
    elif 'put' in ask:
        answer = put(ask['put'])
    else:
        answer = delete(ask['delete'])
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + '\n')
    sys.stdout.flush()
`

/** A blob id as Miniflare makes them: 32 random bytes and the time in milliseconds (8 bytes, big-endian), in hex. */
function blobId(): string {
  const id = Buffer.alloc(40)
  randomBytes(32).copy(id)
  id.writeBigInt64BE(BigInt(Date.now()), 32)
  return id.toString('hex')
}

/** The namespace's SQLite index, when exactly one file can be it; else null. */
function indexFile(kvPersist: string, id: string): string | null {
  const dir = join(kvPersist, 'miniflare-KVNamespaceObject')
  if (!existsSync(join(kvPersist, id, 'blobs')) || !existsSync(dir)) return null
  const dbs = readdirSync(dir).filter((n) => n.endsWith('.sqlite') && n !== 'metadata.sqlite')
  // One namespace stored: its index is the only one (with several, which is which is Miniflare's secret).
  return dbs.length === 1 && dbs[0] ? join(dir, dbs[0]) : null
}

/** A store on the namespace's files, or null when they are not there to read. */
export function localKvFiles(kvPersist: string, id: string, where: string): KvStore | null {
  const db = indexFile(kvPersist, id)
  if (!db) return null
  const blobs = join(kvPersist, id, 'blobs')
  let child: ChildProcessWithoutNullStreams | null = null
  let lines: AsyncIterator<string> | null = null
  let stderr = ''
  let closed: Promise<unknown> = Promise.resolve()
  async function ask<T>(request: unknown): Promise<T> {
    if (!child || !lines) {
      // -I -S: no site packages, no PYTHON* variables: the standard library's sqlite3 and json are all it needs.
      child = spawn('python3', ['-I', '-S', '-c', PROGRAM, db as string, blobs], {
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
    async metadataOf(keys) {
      const out = new Map<string, Record<string, unknown>>()
      for (const batch of chunks(keys, KEYS_PER_CALL))
        for (const [k, meta] of Object.entries(
          await ask<Record<string, Record<string, unknown>>>({ meta: batch }),
        ))
          out.set(k, meta)
      return out
    },
    async absent(keys) {
      const missing = new Set<string>()
      for (const batch of chunks(keys, KEYS_PER_CALL))
        for (const k of await ask<string[]>({ absent: batch })) missing.add(k)
      return missing
    },
    async put(entries) {
      if (entries.length === 0) return
      const rows = entries.map((e): [string, string, string] => [e.key, blobId(), JSON.stringify(e.metadata)])
      // Blobs first: nothing refers to one before its row is committed (Miniflare's order). Many are written by a
      // thread of their own: the publish builds its next batch meanwhile. A put that fails leaves no new blob.
      let replaced: string[]
      try {
        await writeFiles(rows.map(([, b], i) => [join(blobs, b), valueData(entries[i] as KvEntry)]))
        replaced = await ask<string[]>({ put: rows })
      } catch (e) {
        const created = rows.map(([, b]) => b)
        await removeBlobs(blobs, created)
        throw e
      }
      await removeBlobs(blobs, replaced)
    },
    async delete(keys) {
      if (keys.length === 0) return
      await removeBlobs(blobs, await ask<string[]>({ delete: keys }))
    },
    async close() {
      child?.stdin.end()
      await closed
    },
  }
}

/** Blobs no row refers to any more (Miniflare deletes them in the background the same way). */
async function removeBlobs(dir: string, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((b) => rm(join(dir, b), { force: true })))
}
