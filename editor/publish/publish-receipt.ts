/**
 * A local publish's receipt: the proof that this content tree, published by this build of the editor to this local
 * KV, writes nothing. A `--local` publish that wrote nothing records three prints beside the check cache: the tree's
 * (every file's inode, size, modification and change times), the local KV index files' (inode, size and
 * modification time: every write modifies them, while SQLite's readers touch their change time), and the code's
 * (the editor bundle's folder, which launch.mjs names anew whenever a source file changed, and the lockfile).
 * A publish that wrote records the tree's and the code's prints with the published state's print it left
 * (published-state.ts) in place of the store's stats, which its own lease release and close changed; the next
 * publish confirms that print with one listing, then records the store's stats in its place.
 * The next `--local` publish that finds the prints as recorded stops after one walk of the tree and prints that
 * nothing changed. Anything else (a file saved or touched, a photo added, a write to KV by anyone, new code, a
 * symbolic link in the tree) misses the receipt, and publish runs as usual.
 *
 * Two rules keep a receipt true. Its prints are taken before the publish looks at the tree or the store, so what
 * changes while it runs (a file saved, another process's write) has other stats than those recorded, and the next
 * publish misses. And none is recorded when a file was modified within the file system's clock margin before the
 * prints were taken ("racy" stats, as Git calls them: a second write in the same clock tick could leave the same
 * stat): 50 ms where times carry fractions of a second, 2 s where they are whole seconds.
 */
import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type KnownStamps, stampOfStats } from '../content/file-stamp.ts'
import type { KvTarget } from './kv-store.ts'
import { DEFAULT_PERSIST, localNamespace } from './local-namespace.ts'

/**
 * Files modified this close (ns) before the first print make it unrecordable: a later write in the same tick of the
 * file system's clock would leave the same stat. A second covers file systems that keep whole seconds (ext3, HFS+).
 */
const RACY_MS = { fine: 50, coarse: 2_000 }
const MS = 1_000_000n

/** An article scheduled for later: said again on every publish while its time is ahead. */
export interface Scheduled {
  slug: string
  published: string
}

/** The line a publish prints for a scheduled article. */
export const scheduledLine = (s: Scheduled): string =>
  `scheduled: ${s.slug} at ${s.published} (stored now; no page, feed, OPML, oEmbed or widget shows it before)`

interface Prints {
  key: string
  tree: string
  kv: string
  /** Some tree file (`tree`) or store file (`kv`) was modified within RACY_MS before the prints were taken. */
  racy: { tree: boolean; kv: boolean }
}

interface Recorded {
  key: string
  tree: string
  /** The store's print ('' for a receipt a publish that wrote left: its `print` stands for the store). */
  kv: string
  /** Left by a publish that wrote: the published state's print (published-state.ts) it left. */
  print?: string
  scheduled: Scheduled[]
}

/** What a receipt that holds says. */
export interface Held {
  /** The articles still scheduled. */
  scheduled: Scheduled[]
  /** Left by a publish that wrote: the receipt holds once the store shows this print (published-state.ts). */
  print?: string
}

export interface PublishReceipt {
  /** What the receipt says when it holds for the tree (and the store) as they are now; else null. */
  holds(): Held | null
  /**
   * Records the receipt with this run's first prints: after a publish that wrote nothing (or a receipt confirmed by
   * its print), with the store's stats; after a publish that wrote, with the published state's `print` it left (the
   * store's stats changed as it released its lease, so the print stands for them).
   */
  record(scheduled: readonly Scheduled[], print?: string): boolean
  /** The stamps of the tree's files as the prints took them (a publish's check uses them: one stat per file). */
  readonly stamps: KnownStamps
}

/** Stats and the latest time of a list of files, as one print (a file that is absent prints as such). */
class Printer {
  /**
   * With `changeTimes`, a file's change time counts too (the KV index's is touched by SQLite's readers); with
   * `stamps`, each file's stamp (file-stamp.ts) is kept there by its absolute path.
   */
  constructor(
    private readonly changeTimes: boolean,
    readonly stamps?: Map<string, string | null>,
  ) {}
  readonly hash = createHash('sha256')
  newest = 0
  /** False once something was found that a stat cannot vouch for (a link, a device). */
  sound = true
  /** True once a time with a fraction of a second was seen: the file system keeps fine times. */
  fine = false

  add(rel: string, at: string): void {
    const st = lstatSync(at, { bigint: true, throwIfNoEntry: false })
    const stamp = stampOfStats(st, this.changeTimes)
    this.stamps?.set(at, stamp)
    // An empty file prints as an absent one: SQLite's readers create an empty write-ahead log, holding nothing.
    if (!st || (st.isFile() && st.size === 0n && rel.endsWith('-wal'))) {
      this.hash.update(`${rel}\0-\n`)
      return
    }
    // A link or a device: no stamp vouches for it, and a receipt that saw one never holds.
    if (!st.isFile() && !st.isDirectory()) this.sound = false
    const changed = this.changeTimes ? st.ctimeNs : 0n
    this.hash.update(`${rel}\0${stamp ?? 'link'}\n`)
    this.newest = Math.max(this.newest, Number(st.mtimeNs / MS), Number(changed / MS))
    if (st.mtimeNs % 1_000_000_000n !== 0n) this.fine = true
  }

  /** Every entry under `dir`, folders included (an entry added or removed changes the folder's times). */
  addTree(dir: string, rel = ''): void {
    this.add(rel || '.', dir)
    const names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const e of names) {
      const at = join(dir, e.name)
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) this.addTree(at, r)
      else this.add(r, at)
    }
  }

  digest(): string {
    return this.hash.digest('hex')
  }
}

/**
 * The receipt for a local publish of `root` into `target`, kept in `checkCache`; null when this run cannot have one
 * (the editor does not run from launch.mjs's bundle).
 */
export function publishReceipt(o: {
  root: string
  checkCache: string
  target: KvTarget
  /** The clock, in ms since the epoch (tests move it on past the racy second). */
  now?: () => number
  /** The editor build's folder (launch.mjs sets BROADSHEET_EDITOR_BUNDLE). */
  bundle?: string
}): PublishReceipt | null {
  const bundle = o.bundle ?? process.env.BROADSHEET_EDITOR_BUNDLE
  if (!bundle) return null
  const now = o.now ?? Date.now
  const { cwd, binding, persistTo = DEFAULT_PERSIST, env } = o.target
  const { kvPersist, id } = localNamespace(cwd, binding, persistTo, env)
  const kvIndex = join(kvPersist, 'miniflare-KVNamespaceObject')
  const target = JSON.stringify([resolve(cwd, o.root), kvPersist, id])
  // One receipt per tree and store: publishes of other trees beside it keep theirs.
  const file = join(
    o.checkCache,
    `receipt-${createHash('sha256').update(target).digest('hex').slice(0, 16)}.json`,
  )

  const stamps = new Map<string, string | null>()
  const take = (): Prints | null => {
    const taken = now()
    const code = new Printer(true)
    code.add('lock', resolve(cwd, 'package-lock.json'))
    const tree = new Printer(true, stamps)
    tree.addTree(resolve(cwd, o.root))
    const kv = new Printer(false)
    // The namespace's index (and its write-ahead log) changes with every write to it, whoever writes.
    for (const n of readdirSync(kvIndex)
      .filter((f) => f.endsWith('.sqlite'))
      .sort()) {
      kv.add(n, join(kvIndex, n))
      kv.add(`${n}-wal`, join(kvIndex, `${n}-wal`))
    }
    if (!tree.sound || !kv.sound) return null
    return {
      key: createHash('sha256')
        .update(JSON.stringify([bundle, code.digest(), target]))
        .digest('hex'),
      tree: tree.digest(),
      kv: kv.digest(),
      racy: {
        tree: tree.newest >= taken - (tree.fine ? RACY_MS.fine : RACY_MS.coarse),
        kv: kv.newest >= taken - (kv.fine ? RACY_MS.fine : RACY_MS.coarse),
      },
    }
  }
  const safely = (): Prints | null => {
    try {
      return take()
    } catch {
      return null // no KV folder yet, a file gone while walking: no receipt this time
    }
  }

  const before = safely()
  return {
    stamps,
    holds() {
      if (!before) return null
      let recorded: Recorded
      try {
        recorded = JSON.parse(readFileSync(file, 'utf8')) as Recorded
      } catch {
        return null
      }
      if (recorded.key !== before.key || recorded.tree !== before.tree) return null
      if (recorded.print === undefined && recorded.kv !== before.kv) return null
      const at = now()
      const scheduled = recorded.scheduled.filter((s) => Date.parse(s.published) > at)
      return recorded.print === undefined ? { scheduled } : { scheduled, print: recorded.print }
    },
    record(scheduled, print) {
      // The prints taken before the publish looked: what changed since has other stats, which the next publish
      // does not find recorded.
      if (!before || before.racy.tree || (print === undefined && before.racy.kv)) return false
      const body: Recorded = {
        key: before.key,
        tree: before.tree,
        kv: print === undefined ? before.kv : '',
        ...(print === undefined ? {} : { print }),
        scheduled: [...scheduled],
      }
      mkdirSync(o.checkCache, { recursive: true })
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify(body))
      renameSync(tmp, file)
      return true
    },
  }
}
