/** Prints a Problem the way editors and their tools (clickable file:line) expect it. */
import type { Problem } from './draft.ts'

/** `content/articles/x.md:12: what is wrong; how to fix it`; `root` is how the content folder is shown. */
export function formatProblem(p: Problem, root = 'content'): string {
  return `${root.replace(/\/+$/, '')}/${p.file}:${p.line}: ${p.message}`
}
