/** Watches the content folder and runs one job per burst of saves, never two at once, never dropping the last. */
import { watch } from 'node:fs'

/** Calls `run` after `quietMs` without changes under `root`; changes during a run queue exactly one more run. */
export function watchContent(root: string, run: () => Promise<void>, quietMs = 150): { close(): void } {
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  const start = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      await run()
    } finally {
      running = false
      if (again) {
        again = false
        void start()
      }
    }
  }
  const watcher = watch(root, { recursive: true }, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void start(), quietMs)
  })
  return {
    close() {
      clearTimeout(timer)
      watcher.close()
    },
  }
}
