/**
 * `npm run content:import -- FILE [--out PATH] [--photos A.jpg,B.jpg]`: print text to a content file for review;
 * notes go to stderr. With --photos, the files (in print order) fill the photo placeholders.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readEmbeddedMetadata } from './content/read-embedded-metadata.ts'
import { sniffImageType } from './content/sniff-image-type.ts'
import { attachPhotoFiles } from './import/attach-photo-files.ts'
import { importPrintText } from './import/import-print-text.ts'

const { values, positionals } = parseArgs({
  options: { out: { type: 'string' }, photos: { type: 'string' } },
  allowPositionals: true,
})
const [file] = positionals
if (!file || positionals.length > 1) {
  process.stderr.write(
    'usage: npm run content:import -- FILE [--out content/articles/SLUG.md] [--photos content/media/A.jpg,…]\n',
  )
  process.exit(2)
}
const bytes = await readFile(file)
const imported = importPrintText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
const photoFiles = await Promise.all(
  (values.photos ? values.photos.split(',') : []).map(async (photo) => {
    const data = new Uint8Array(await readFile(photo))
    return { name: path.basename(photo), embedded: readEmbeddedMetadata(data, sniffImageType(data) ?? '') }
  }),
)
const attached = attachPhotoFiles(imported.markdown, photoFiles)
const markdown = attached.markdown
const notes = [...imported.notes, ...attached.notes]
for (const note of notes) process.stderr.write(`${file}: ${note}\n`)
if (values.out) await writeFile(values.out, markdown)
else process.stdout.write(markdown)
