/**
 * A list numbered from the oldest and cut into fixed pages (the "all" feed's log, the article list): position n
 * lives on page floor(n / size) + 1. Complete pages are stored once; the head keeps everything from the first
 * position of the newest complete page on. Adding rewrites the head and, when a page fills, writes that page:
 * O(1) values whatever the length of the list.
 */

/** The head's part of a log. */
export interface LogHead<T> {
  /** Number of complete pages (1..full are stored as pages). */
  full: number
  /** The position the next entry gets. */
  next: number
  /** Oldest first: every entry with n >= (full - 1) * size. */
  entries: T[]
}

export interface Positioned {
  n: number
}

/** The page a position lives on (1-based). */
export const pageOf = (n: number, size: number): number => Math.floor(n / size) + 1

/** Edits a log in memory; `pages()` then says which complete pages changed or were completed. */
export class PagedLog<T extends Positioned> {
  readonly head: LogHead<T>
  private readonly dirty = new Map<number, T[]>()
  private touchedHead = false

  constructor(
    head: LogHead<T>,
    /** Entries per complete page. */
    readonly size: number,
    /** A complete page's entries as stored, or undefined when it could not be read. */
    private readonly readPage: (page: number) => T[] | undefined,
  ) {
    this.head = { full: head.full, next: head.next, entries: [...head.entries] }
  }

  /** Adds an entry at the end; returns its position. */
  append(make: (n: number) => T): number {
    const n = this.head.next++
    this.head.entries.push(make(n))
    this.touchedHead = true
    this.roll()
    return n
  }

  /** Replaces (or, with `null`, removes) the entry at position n wherever it lives; false when it is not found. */
  edit(n: number, change: (old: T) => T | null): boolean {
    let found = false
    const apply = (list: T[]): T[] =>
      list.flatMap((e) => {
        if (e.n !== n) return [e]
        found = true
        const next = change(e)
        return next === null ? [] : [next]
      })
    const page = pageOf(n, this.size)
    if (page <= this.head.full) {
      const stored = this.dirty.get(page) ?? this.readPage(page)
      if (stored !== undefined) this.dirty.set(page, apply(stored))
    }
    if (page >= this.head.full) {
      const before = found
      found = false
      this.head.entries = apply(this.head.entries)
      if (found) this.touchedHead = true
      found ||= before
    }
    return found
  }

  /** True when the entry at n is in the head's open part (on no complete page). */
  isOpen(n: number): boolean {
    return pageOf(n, this.size) > this.head.full
  }

  /** Entries of the head, newest last. */
  get entries(): readonly T[] {
    return this.head.entries
  }

  /** Complete pages written or rewritten by the edits, with their entries. */
  pages(): ReadonlyMap<number, T[]> {
    return this.dirty
  }

  get headChanged(): boolean {
    return this.touchedHead
  }

  /** Closes every page that is full: it becomes a stored page, and the head drops the page before it. */
  private roll(): void {
    while (this.head.next >= (this.head.full + 1) * this.size) {
      const start = this.head.full * this.size
      const end = start + this.size
      this.head.full++
      this.dirty.set(
        this.head.full,
        this.head.entries.filter((e) => e.n >= start && e.n < end),
      )
      this.head.entries = this.head.entries.filter((e) => e.n >= start)
    }
  }
}
