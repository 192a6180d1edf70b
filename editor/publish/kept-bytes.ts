/**
 * Where versioned values keep their UTF-8 bytes until they are written: slabs of memory a publish reuses, batch after
 * batch. A buffer of its own per value costs more than encoding the value (the kernel supplies its pages fresh; a
 * first publish keeps gigabytes); a slab's pages are supplied once.
 *
 * Each batch's bytes stay valid until the release `sealKeptBytes` gave for it runs (batch-writer.ts runs it once the
 * batch is written and read back and the next batch, kept in other memory meanwhile, is planned). An entry read after that throws
 * (kv-entry.ts) instead of giving the bytes of a later value.
 */

const SLAB = 32 << 20

/**
 * Slabs to fill (released by written batches), the memory of the slabs the open batch filled (held weakly: values
 * hold it until they are written; views of it are all that is handed out), and the slab in use.
 */
let free: Buffer[] = []
let filled: WeakRef<ArrayBufferLike>[] = []
let slab: Buffer | null = null
let at = 0
/** The open batch's generation, and every generation whose bytes are still their values' (open or sealed). */
let generation = 0
const live = new Set([generation])

/** Bytes kept, and the generation they belong to. */
export interface Kept {
  bytes: Buffer
  generation: number
}

/** A slab of at least `size` bytes with room for them at `at`. */
function room(size: number): Buffer {
  if (slab && at + size <= slab.length) return slab
  if (slab) filled.push(new WeakRef(slab.buffer))
  const reused = size <= SLAB ? free.pop() : undefined
  // Shared memory: the thread that writes files reads values from it without a copy (file-writer.ts).
  slab = reused ?? Buffer.from(new SharedArrayBuffer(Math.max(SLAB, size)))
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

/** Whether bytes kept in generation `kept` are still theirs. */
export const isCurrent = (kept: number): boolean => live.has(kept)

/**
 * Closes the batch of the bytes kept so far: later values are kept in other memory. Returns its release, run once
 * the batch is written and read back: its memory then serves later batches, and reading its bytes again throws.
 */
export function sealKeptBytes(): () => void {
  const sealed = generation
  const memory = [...filled, ...(slab ? [new WeakRef(slab.buffer)] : [])]
  filled = []
  slab = null
  at = 0
  generation++
  live.add(generation)
  return () => {
    if (!live.delete(sealed)) return
    const slabs = memory.flatMap((r) => r.deref() ?? []).filter((m) => m.byteLength === SLAB)
    free = [...free, ...slabs.map((m) => Buffer.from(m))]
  }
}

/** The bytes kept so far are written: their memory serves the next values, and reading them again throws. */
export const recycleKeptBytes = (): void => sealKeptBytes()()
