/** Watches the content folder and runs one job per burst of saves, never two at once, never dropping the last. */
import { watch } from 'node:fs'

/**
 * Calls `run` with the paths changed under `root` (relative, `/`-separated; null when the system did not name
 * one) after `quietMs` without changes; changes during a run queue exactly one more run with their paths.
 */
export function watchContent(
  root: string,
  run: (changed: ReadonlySet<string> | null) => Promise<void>,
  quietMs = 60,
): { close(): void } {
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  let changed: Set<string> | null = new Set()
  const start = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    const paths = changed
    changed = new Set()
    try {
      await run(paths)
    } finally {
      running = false
      if (again) {
        again = false
        void start()
      }
    }
  }
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    if (name === null) changed = null
    else changed?.add(name.split('\\').join('/'))
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
