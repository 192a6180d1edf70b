/**
 * Warnings for published URLs that a change would break: a slug or a section id that the last commit had and
 * the working tree lost without `aliases:` (slug) or `was=` (section id). "Published" is what git's HEAD holds
 * (the team path publishes from the repository; docs/operators.md "CI publishing"); a tree outside git gets no warning.
 * Publish itself stops on a lost slug and warns on a lost section id; this says so before anything is pushed.
 */
import { execFileSync } from 'node:child_process'
import type { DraftArticle, Problem } from './draft.ts'

const SLUG_LINE = /^slug:\s*(\S+)\s*$/m
const SECTION_ID = /^##\s+.*\{#([^\s}]+)[^}]*\}\s*$/gm

/** git's output in `cwd`, or undefined when git fails (no repository, no HEAD yet, no git). */
function git(cwd: string, args: string[], input?: string): Buffer | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      input,
      stdio: ['pipe', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
    })
  } catch {
    return undefined
  }
}

/** The committed text of each article file the working tree deleted or modified, by path under articles/. */
function committedChanges(root: string): Map<string, { status: string; text: string }> {
  const out = new Map<string, { status: string; text: string }>()
  const diff = git(root, ['diff', '--no-renames', '--name-status', '--relative', 'HEAD', '--', 'articles'])
  if (!diff) return out
  const changed = diff
    .toString('utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter(([status, file]) => (status === 'D' || status === 'M') && file?.endsWith('.md'))
  if (changed.length === 0) return out
  // One process for every blob: `git cat-file --batch` reads "HEAD:./path" lines relative to `root`.
  const bytes = git(root, ['cat-file', '--batch'], changed.map(([, f]) => `HEAD:./${f}\n`).join(''))
  if (bytes === undefined) return out
  let at = 0
  for (const [status, file] of changed) {
    const end = bytes.indexOf(10, at)
    const header = bytes.subarray(at, end).toString('utf8').split(' ')
    const size = Number(header[2])
    if (header[1] !== 'blob' || !Number.isFinite(size)) break
    out.set(file ?? '', {
      status: status ?? '',
      text: bytes.subarray(end + 1, end + 1 + size).toString('utf8'),
    })
    at = end + 1 + size + 1
  }
  return out
}

/** One warning per published slug or section id the working tree lost without saying where it went. */
export function renameWarnings(root: string, drafts: readonly DraftArticle[]): Problem[] {
  const changes = committedChanges(root)
  if (changes.size === 0) return []
  const slugs = new Set(drafts.flatMap((d) => [d.slug, ...d.aliases]))
  const byFile = new Map(drafts.map((d) => [d.file, d]))
  const warnings: Problem[] = []
  for (const [file, { status, text }] of changes) {
    const slug = SLUG_LINE.exec(text)?.[1]
    if (slug && !slugs.has(slug)) {
      warnings.push({
        file,
        line: 1,
        message: `the last commit published slug "${slug}" here and no article has it now: its pages and feeds would stop working. If the article moved, add "aliases: ${slug}" to its new file; to take it down, keep the file and add "withdrawn: <time> <reason>"`,
      })
      continue
    }
    const draft = status === 'M' ? byFile.get(file) : undefined
    if (!draft) continue
    const kept = new Set(draft.sections.flatMap((s) => [s.id, ...s.was]))
    for (const [, id] of text.matchAll(SECTION_ID))
      if (id && !kept.has(id))
        warnings.push({
          file: draft.file,
          line: 1,
          message: `section {#${id}} of the last commit is gone: its feed item and page would vanish for subscribers. If you renamed it, write {#new-id was=${id}}; if you removed it on purpose, ignore this`,
        })
  }
  return warnings
}
