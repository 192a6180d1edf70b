/** `content:fix`: rewrites half-width punctuation among CJK text in every article file and says what it changed. */
import { readFileSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fixCopyDesk } from './check-copy-desk.ts'

/** One changed line: the file (relative to the content root), its line number, and the line before and after. */
export interface LineChange {
  file: string
  line: number
  before: string
  after: string
}

/**
 * Fixes every `articles/*.md` under `root` in place and returns the changed lines. Only the marks change: the
 * byte-order mark, line endings and every other byte stay as they were (a file that is not UTF-8 is left alone).
 */
export async function fixContentFiles(root: string): Promise<LineChange[]> {
  const dir = path.join(root, 'articles')
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort()
  const changes: LineChange[] = []
  for (const name of names) {
    const full = path.join(dir, name)
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(full))
    } catch {
      continue
    }
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
    const lines = text.slice(bom.length).split('\n')
    const cr = lines.map((l) => (l.endsWith('\r') ? '\r' : ''))
    const fixed = fixCopyDesk(lines.map((l, i) => (cr[i] ? l.slice(0, -1) : l)))
    if (fixed.changes.length === 0) continue
    writeFileSync(full, bom + fixed.lines.map((l, i) => l + cr[i]).join('\n'))
    changes.push(...fixed.changes.map((c) => ({ file: `articles/${name}`, ...c })))
  }
  return changes
}
