/** `npm run content:check [-- --root DIR]`: prints every content problem (exit 1) or a one-line summary (exit 0). */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkContent, formatProblem } from './content/check-content.ts'

const { values } = parseArgs({ options: { root: { type: 'string', default: 'content' } } })
const root = values.root ?? 'content'
const { articles, problems } = await checkContent(root)
if (problems.length > 0) {
  const shown = path.relative(process.cwd(), path.resolve(root)) || '.'
  for (const p of problems) process.stderr.write(`${formatProblem(p, shown)}\n`)
  const one = problems.length === 1
  process.stderr.write(
    `${problems.length} problem${one ? '' : 's'}; fix ${one ? 'it' : 'them'} and run content:check again\n`,
  )
  process.exit(1)
}
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
const sections = articles.reduce((n, a) => n + a.sections.length, 0)
const photos = articles.reduce(
  (n, a) => n + a.photos.length + a.sections.reduce((m, s) => m + s.photos.length, 0),
  0,
)
process.stdout.write(
  `content OK: ${count(articles.length, 'article')}, ${count(sections, 'section')}, ${count(photos, 'photo')}\n`,
)
