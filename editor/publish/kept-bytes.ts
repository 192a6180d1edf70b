/**
 * Where versioned values keep their UTF-8 bytes until they are written: slabs of memory a publish reuses, batch after
 * batch. A buffer of its own per value costs more than encoding the value (the kernel supplies its pages fresh; a
 * first publish keeps gigabytes); a slab's pages are supplied once.
 *
 * Bytes kept stay valid until `recycleKeptBytes` (run-publish.ts calls it once a batch is written and read back).
 * An entry read after that throws (kv-entry.ts) instead of giving the bytes of a later value.
 */

const SLAB = 32 << 20

/**
 * Slabs to fill (after a recycle), the memory of the slabs filled since (held weakly: values hold it until they are
 * written; views of it are all that is handed out), and the slab in use.
 */
let free: Buffer[] = []
let filled: WeakRef<ArrayBuffer>[] = []
let slab: Buffer | null = null
let at = 0
let generation = 0

/** Bytes kept, and the generation they belong to. */
export interface Kept {
  bytes: Buffer
  generation: number
}

/** A slab of at least `size` bytes with room for them at `at`. */
function room(size: number): Buffer {
  if (slab && at + size <= slab.length) return slab
  if (slab) filled.push(new WeakRef(slab.buffer as ArrayBuffer))
  const reused = size <= SLAB ? free.pop() : undefined
  slab = reused ?? Buffer.allocUnsafeSlow(Math.max(SLAB, size))
  at = 0
  return slab
}

/**
 * Keeps at most `most` bytes written by `fill(buffer, start)`, which returns the span it filled (`[from, to)`,
 * within `[start, start + most)`).
 */
export function keepBytes(most: number, fill: (buffer: Buffer, start: number) => [number, number]): Kept {
  const buffer = room(most)
  const [from, to] = fill(buffer, at)
  at = (to + 7) & ~7
  return { bytes: buffer.subarray(from, to), generation }
}

/** Whether bytes kept in `kept` are still theirs. */
export const isCurrent = (kept: number): boolean => kept === generation

/** The bytes kept so far are written: their memory serves the next values, and reading them again throws. */
export function recycleKeptBytes(): void {
  generation++
  const memory = [...(slab ? [slab.buffer as ArrayBuffer] : []), ...filled.flatMap((r) => r.deref() ?? [])]
  free = [...free, ...memory.filter((m) => m.byteLength === SLAB).map((m) => Buffer.from(m))]
  filled = []
  slab = null
  at = 0
}
