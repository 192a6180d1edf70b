/**
 * `npm run content:check [-- --root DIR] [--strict] [--fix]`: prints every content problem (exit 1) and every
 * copy-desk warning (exit 0, or 1 with --strict), or the zh-TW edition's review notes and a one-line summary. `--fix` (`npm run content:fix`) first
 * rewrites half-width punctuation among Chinese text and prints each changed line as a diff.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkContent, formatProblem, sortProblems } from './content/check-content.ts'
import { fixContentFiles } from './content/fix-content-files.ts'

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'content' },
    strict: { type: 'boolean', default: false },
    fix: { type: 'boolean', default: false },
  },
})
const root = values.root ?? 'content'
const shown = path.relative(process.cwd(), path.resolve(root)) || '.'
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
if (values.fix) {
  const changes = await fixContentFiles(root)
  for (const c of changes)
    process.stdout.write(`--- ${shown}/${c.file}:${c.line}\n-${c.before}\n+${c.after}\n`)
  process.stdout.write(`content:fix: ${count(changes.length, 'line')} changed\n`)
}
const { articles, problems, warnings, notes } = await checkContent(root)
const strict = values.strict === true
// Problems come first and alone: warnings about text that cannot be published yet would only bury them.
if (problems.length > 0 || (strict && warnings.length > 0)) {
  const all = strict ? sortProblems([...problems, ...warnings]) : problems
  for (const p of all) process.stderr.write(`${formatProblem(p, shown)}\n`)
  const one = all.length === 1
  process.stderr.write(
    `${count(all.length, 'problem')}; fix ${one ? 'it' : 'them'} and run content:check again\n`,
  )
  process.exit(1)
}
for (const w of warnings) process.stderr.write(`${formatProblem(w, shown)} (warning)\n`)
// Review notes for the zh-TW edition: what the glossary converted and what a copy editor should read twice.
for (const n of notes) process.stdout.write(`${formatProblem(n, shown)} (zh-TW)\n`)
const sections = articles.reduce((n, a) => n + a.sections.length, 0)
const photos = articles.reduce(
  (n, a) => n + a.photos.length + a.sections.reduce((m, s) => m + s.photos.length, 0),
  0,
)
const warned =
  warnings.length > 0 ? `; ${count(warnings.length, 'copy-desk warning')} (--strict fails on them)` : ''
process.stdout.write(
  `content OK: ${count(articles.length, 'article')}, ${count(sections, 'section')}, ${count(photos, 'photo')}${warned}\n`,
)
