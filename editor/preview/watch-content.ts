/** Watches the content folder and runs one job per burst of saves, never two at once, never dropping the last. */
import { existsSync, watch } from 'node:fs'
import { join } from 'node:path'

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
  const seen = (under: string) => (_event: string, name: string | null) => {
    if (name === null) changed = null
    else changed?.add(`${under}${name.split('\\').join('/')}`)
    clearTimeout(timer)
    timer = setTimeout(() => void start(), quietMs)
  }
  const watchers = [watch(root, { recursive: true }, seen(''))]
  // The folder itself as well: the recursive watcher loses a file replaced by a rename (a save by rename), and
  // the next save in place of that file would go unseen; a folder's own watch reports every file in it by name.
  const articles = join(root, 'articles')
  if (existsSync(articles)) watchers.push(watch(articles, seen('articles/')))
  return {
    close() {
      clearTimeout(timer)
      for (const w of watchers) w.close()
    },
  }
}
