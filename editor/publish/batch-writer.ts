/**
 * A publish's batches, each written while the next one is planned (run-publish.ts): one batch is written at a time,
 * in order, and the next is planned from the store as that one will leave it (pending-writes.ts). What the planning
 * prints meanwhile is held, and printed once the batch being written has printed its own lines.
 */
import { sealKeptBytes } from './kept-bytes.ts'
import type { KvStore } from './kv-store.ts'
import { withPendingWrites } from './pending-writes.ts'
import type { WritePlan } from './write-plan.ts'

export class BatchWriter {
  /** The batch being written (its writes, then their read-back), and the release of its values' memory. */
  private writing: { plan: WritePlan; done: Promise<void>; release: () => void } | null = null
  private readonly held: string[] = []

  constructor(private readonly log: (line: string) => void) {}

  /** The store to plan from: as it will be once the batch being written is. */
  view(store: KvStore): KvStore {
    return this.writing ? withPendingWrites(store, this.writing.plan) : store
  }

  /** Where planning prints: held while a batch is being written. */
  planLog(): (line: string) => void {
    return this.writing ? (line) => this.held.push(line) : this.log
  }

  /**
   * Waits until the batch being written is written and read back (throwing what its writing threw), frees its
   * values' memory (the plan made meanwhile has read what it needed of them), and prints the lines held meanwhile.
   */
  async written(): Promise<void> {
    const was = this.writing
    this.writing = null
    if (!was) return
    await was.done
    was.release()
    this.flush()
  }

  /**
   * Starts writing a batch, once the one before is `written`: its values keep their memory until it is written and
   * the next plan is made; values kept from now on take other memory.
   */
  start(plan: WritePlan, write: () => Promise<void>): void {
    if (this.writing)
      throw new Error('a batch is started while the one before is still being written; this is a bug')
    const release = sealKeptBytes()
    const done = write()
    done.catch(() => {}) // awaited by `written`, or by `settle` after a failure
    this.writing = { plan, done, release }
  }

  /** After a failure elsewhere: the batch being written ends, then what the planning printed meanwhile is printed. */
  async settle(): Promise<void> {
    await this.writing?.done.catch(() => {})
    this.writing = null
    this.flush()
  }

  private flush(): void {
    for (const line of this.held.splice(0)) this.log(line)
  }
}
