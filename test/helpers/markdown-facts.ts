/** What the docs test reads from Markdown: the files, their tables, links, `npm run` names and heading anchors. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Folders that hold nothing of ours to check: dependencies, build output, upstream code, article content. */
const NOT_OURS = new Set([
  'node_modules',
  '.git',
  'vendor',
  'dist',
  '.wrangler',
  '.cache',
  'content',
  'fixtures',
])

/** Paths (from the root) of the repository's own files whose name passes `keep`. */
export function repoFiles(root: string, keep: (name: string) => boolean, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) return NOT_OURS.has(entry.name) ? [] : repoFiles(root, keep, full)
    return keep(entry.name) ? [relative(root, full)] : []
  })
}

/** A Markdown file: its path from the repository root and its lines. */
export interface MarkdownFile {
  path: string
  lines: string[]
}

/** Every Markdown document in the repository (articles under content/ and test fixtures are data, not docs). */
export const markdownFiles = (root: string): MarkdownFile[] =>
  repoFiles(root, (name) => name.endsWith('.md')).map((path) => ({
    path,
    lines: readFileSync(join(root, path), 'utf8').split('\n'),
  }))

/** The lines outside fenced code blocks, with their 1-based numbers. */
export function proseLines(file: MarkdownFile): { line: number; text: string }[] {
  let fenced = false
  const out: { line: number; text: string }[] = []
  file.lines.forEach((text, i) => {
    if (/^\s*```/.test(text)) fenced = !fenced
    else if (!fenced) out.push({ line: i + 1, text })
  })
  return out
}

/** Every line, code blocks included (commands in them count as much as commands in prose). */
export const allLines = (file: MarkdownFile) => file.lines.map((text, i) => ({ line: i + 1, text }))

/** A table row: its line, its cells (trimmed) and its whole text. */
export interface TableRow {
  line: number
  cells: string[]
  text: string
}

/** The rows of every table whose first header cell is `firstHeader` (case-insensitive). */
export function tableRows(file: MarkdownFile, firstHeader: string): TableRow[] {
  const rows: TableRow[] = []
  let inTable = false
  const lines = proseLines(file)
  lines.forEach(({ line, text }, i) => {
    if (!text.trimStart().startsWith('|')) {
      inTable = false
      return
    }
    const cells = splitCells(text)
    const next = lines[i + 1]?.text ?? ''
    if (!inTable && /^\s*\|[\s:|-]+\|\s*$/.test(next)) {
      inTable = cells[0]?.toLowerCase() === firstHeader.toLowerCase()
      return
    }
    if (inTable && !/^\s*\|[\s:|-]+\|\s*$/.test(text)) rows.push({ line, cells, text })
  })
  return rows
}

function splitCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())
}

/** The `backticked` spans of a piece of Markdown. */
export const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')

/** The scripts named as `npm run NAME` on each line (code blocks included). */
export function npmRunNames(file: MarkdownFile): { line: number; name: string }[] {
  return allLines(file).flatMap(({ line, text }) =>
    [...text.matchAll(/npm run ([A-Za-z][\w:-]*)/g)].map((m) => ({ line, name: m[1] ?? '' })),
  )
}

/** Relative link targets (`[text](target)`, images too) outside code; web and mail links are not ours to check. */
export function relativeLinks(file: MarkdownFile): { line: number; target: string }[] {
  return proseLines(file).flatMap(({ line, text }) =>
    [...text.replace(/`[^`]*`/g, '').matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)]
      .map((m) => m[1] ?? '')
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => ({ line, target })),
  )
}

/** The text of every heading, as a reader sees it (link syntax, backticks and asterisks removed). */
export function headingTexts(file: MarkdownFile): string[] {
  return proseLines(file).flatMap(({ text }) => {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1]
    return heading === undefined ? [] : [heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '')]
  })
}

/** The anchors GitHub gives the file's headings (github-slugger: lower case, punctuation dropped, `-` for spaces). */
export function headingAnchors(file: MarkdownFile): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const plain of headingTexts(file)) {
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}
