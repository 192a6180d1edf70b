/**
 * A file's identity as the check cache and the publish receipt compare it: inode, size, and modification and change
 * times to the nanosecond. Publish stats each file of the tree once: the receipt's walk (editor/publish/
 * publish-receipt.ts) hands its stamps to the check (check-cache.ts).
 */
import { type BigIntStats, lstatSync } from 'node:fs'
import { resolve } from 'node:path'

/** Stamps already taken, by absolute path: null for a link or a missing file. */
export type KnownStamps = ReadonlyMap<string, string | null>

/**
 * The stamp of a file's stats; null for a link (never vouched for by its stats) or a missing file. Without
 * `changeTime`, the change time stamps as 0 (a file whose readers touch it, as SQLite's touch the KV index).
 */
export const stampOfStats = (st: BigIntStats | undefined, changeTime = true): string | null =>
  !st || st.isSymbolicLink() ? null : `${st.ino}:${st.size}:${st.mtimeNs}:${changeTime ? st.ctimeNs : 0}`

/** The stamp of `file`: as `known` has it, else from its stats now. */
export function fileStamp(file: string, known?: KnownStamps): string | null {
  const taken = known?.get(resolve(file))
  return taken !== undefined ? taken : stampOfStats(lstatSync(file, { bigint: true, throwIfNoEntry: false }))
}
