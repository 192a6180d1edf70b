/** `npm run content:import -- FILE [--out PATH]`: print text to a content file for review; notes go to stderr. */
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { importPrintText } from './import/import-print-text.ts'

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true })
const [file] = positionals
if (!file || positionals.length > 1) {
  process.stderr.write('usage: npm run content:import -- FILE [--out content/articles/SLUG.md]\n')
  process.exit(2)
}
const bytes = await readFile(file)
const { markdown, notes } = importPrintText(
  new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
)
for (const note of notes) process.stderr.write(`${file}: ${note}\n`)
if (values.out) await writeFile(values.out, markdown)
else process.stdout.write(markdown)
