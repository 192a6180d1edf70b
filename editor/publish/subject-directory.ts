/**
 * The topic list and the people list (`v2:directory:…`): pages of DIRECTORY_PAGE_SIZE subjects in the order of
 * their content file, each with the time its feed last changed. A page is rewritten when its subjects' definitions
 * changed (its `metadata.s` is their hash, so the listing alone shows it) or one of its subjects' feeds changed.
 */
import { parseDirectoryPageValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import { DIRECTORY_PAGE_SIZE, type DirectoryEntry } from '../../model/store-values.ts'
import type { SubjectInfo, SubjectKind } from '../../model/subject.ts'
import type { ArticleMeta, Reader } from './build-entries.ts'
import { contentHash } from './content-hash.ts'
import type { KvEntry } from './kv-entry.ts'
import { chunks } from './kv-store.ts'
import { versioned } from './store-entries.ts'
import { type SubjectLogs, subjectInfo } from './subject-logs.ts'

interface Plan {
  kind: SubjectKind
  pages: SubjectInfo[][]
  /** Each page's source hash. */
  sources: string[]
  /** Pages whose definitions differ from what KV holds. */
  stale: Set<number>
  /** What KV's pages say, by id (read only when a page must be rewritten). */
  stored: Map<string, DirectoryEntry>
}

/** The directory of one kind, planned before the logs are written (renamed subjects get their heads rewritten). */
export class SubjectDirectory {
  private readonly plans: Plan[] = []

  constructor(
    private readonly read: Reader,
    private readonly listing: ReadonlyMap<string, ArticleMeta>,
    defined: Readonly<Record<SubjectKind, readonly SubjectInfo[]>>,
  ) {
    for (const kind of ['topic', 'person'] as const) {
      const pages = [...chunks(defined[kind].map(subjectInfo), DIRECTORY_PAGE_SIZE)]
      const sources = pages.map((list) => contentHash(JSON.stringify({ pages: pages.length, list })))
      const stale = new Set(
        sources.flatMap((s, i) =>
          this.listing.get(keys.directoryPage(kind, i + 1))?.s === s ? [] : [i + 1],
        ),
      )
      this.plans.push({ kind, pages, sources, stale, stored: new Map() })
    }
  }

  /** Reads the stored pages a rewrite needs and opens the log of every subject whose definition changed. */
  prepare(logs: SubjectLogs, touched: ReadonlySet<string>): void {
    for (const plan of this.plans) {
      const needed = plan.stale.size > 0 ? plan.pages.map((_, i) => i + 1) : this.touchedPages(plan, touched)
      for (const page of needed) this.readPage(plan, page)
      if (plan.stale.size === 0) continue
      for (const s of plan.pages.flat()) {
        const old = plan.stored.get(s.id)
        if (!old || JSON.stringify(subjectInfo(old)) !== JSON.stringify(s)) logs.touch(plan.kind, s.id)
      }
    }
  }

  /** The pages to write, once the logs know each touched subject's newest time. */
  entries(updated: ReadonlyMap<string, string | null>): KvEntry[] {
    const out: KvEntry[] = []
    for (const plan of this.plans) {
      const write = new Set([...plan.stale, ...this.touchedPages(plan, new Set(updated.keys()))])
      for (const page of [...write].sort((a, b) => a - b)) {
        const list = plan.pages[page - 1] ?? []
        const entries: DirectoryEntry[] = list.map((s) => {
          const key = `${plan.kind}:${s.id}`
          const time = updated.has(key)
            ? (updated.get(key) ?? null)
            : (plan.stored.get(s.id)?.updated ?? null)
          return { ...s, updated: time }
        })
        const unchanged =
          !plan.stale.has(page) && entries.every((e) => plan.stored.get(e.id)?.updated === e.updated)
        if (unchanged) continue
        out.push(
          versioned(
            keys.directoryPage(plan.kind, page),
            { page, pages: plan.pages.length, entries },
            { s: plan.sources[page - 1] ?? '' },
          ),
        )
      }
    }
    return out
  }

  private touchedPages(plan: Plan, touched: ReadonlySet<string>): number[] {
    return plan.pages.flatMap((list, i) =>
      list.some((s) => touched.has(`${plan.kind}:${s.id}`)) ? [i + 1] : [],
    )
  }

  private readPage(plan: Plan, page: number): void {
    const value = this.read.parse(keys.directoryPage(plan.kind, page), parseDirectoryPageValue)
    for (const e of value?.entries ?? []) if (!plan.stored.has(e.id)) plan.stored.set(e.id, e)
  }
}
