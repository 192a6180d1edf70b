/** A least-recently-used map bounded by bytes: how this isolate keeps what it remembers within a fixed budget. */

interface Slot<V> {
  value: V
  bytes: number
}

/**
 * Keys in recency order (a Map iterates in insertion order: a hit re-inserts its key). Storing past the budget
 * drops the least recently used entries; an entry larger than `maxEntryBytes` is not kept at all.
 */
export class ByteLru<V> {
  readonly #slots = new Map<string, Slot<V>>()
  #bytes = 0

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes = maxBytes / 8,
  ) {}

  /** The value under `key`, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const slot = this.#slots.get(key)
    if (slot === undefined) return undefined
    this.#slots.delete(key)
    this.#slots.set(key, slot)
    return slot.value
  }

  /** Keeps `value` (about `bytes` big) under `key`, replacing any older value, then trims to the budget. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key)
    if (bytes > this.maxEntryBytes) return
    this.#slots.set(key, { value, bytes })
    this.#bytes += bytes
    for (const [oldest, slot] of this.#slots) {
      if (this.#bytes <= this.maxBytes) break
      this.#slots.delete(oldest)
      this.#bytes -= slot.bytes
    }
  }

  delete(key: string): void {
    const slot = this.#slots.get(key)
    if (slot === undefined) return
    this.#slots.delete(key)
    this.#bytes -= slot.bytes
  }

  clear(): void {
    this.#slots.clear()
    this.#bytes = 0
  }

  /** Bytes held now (the sum of the sizes given to `set`). */
  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#slots.size
  }
}
