/** A least-recently-used map bounded by bytes: how this isolate keeps what it remembers within a fixed budget. */

interface Slot<V> {
  value: V
  bytes: number
  /** Read since it was last passed over for eviction (the "second chance" bit). */
  used: boolean
}

/**
 * Approximate LRU by second chance (CLOCK): a hit only sets a bit, so the hot path is one Map lookup; storing
 * past the budget walks from the oldest entry, moving used ones to the back once and dropping the first unused.
 * An entry larger than `maxEntryBytes` is not kept at all.
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
    slot.used = true
    return slot.value
  }

  /** Keeps `value` (about `bytes` big) under `key`, replacing any older value, then trims to the budget. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key)
    if (bytes > this.maxEntryBytes) return
    this.#slots.set(key, { value, bytes, used: false })
    this.#bytes += bytes
    for (const [oldest, slot] of this.#slots) {
      if (this.#bytes <= this.maxBytes) break
      this.#slots.delete(oldest)
      if (slot.used) {
        slot.used = false
        this.#slots.set(oldest, slot)
      } else this.#bytes -= slot.bytes
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
