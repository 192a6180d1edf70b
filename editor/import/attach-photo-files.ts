/** `content:import --photos`: image files fill the photo placeholders in order, offering what they say about themselves. */
import { agree } from '../content/check-embedded-metadata.ts'
import { parsePhotoCredit } from '../content/parse-credit.ts'
import type { EmbeddedMetadata } from '../content/read-embedded-metadata.ts'
import { PLACEHOLDERS } from './write-markdown.ts'

/** One file given to the importer: its name under content/media/ and its embedded caption, creator, copyright. */
export interface PhotoFile {
  name: string
  embedded: EmbeddedMetadata
}

/**
 * Photo N of the imported text gets file N: its source becomes `media/NAME`; a missing print credit is taken from
 * the file's creator when that reads as ROLE NAME; every difference between print and file becomes a note (the
 * print text wins; content:check then asks for agreement).
 */
export function attachPhotoFiles(
  markdown: string,
  files: readonly PhotoFile[],
): { markdown: string; notes: string[] } {
  const lines = markdown.split('\n')
  const notes: string[] = []
  files.forEach((file, i) => {
    const n = i + 1
    const open = lines.indexOf(`::: photo ${PLACEHOLDERS.image(n)}`)
    if (open < 0) {
      notes.push(`photo file ${file.name}: the text has only ${i} photos; this file is not used`)
      return
    }
    lines[open] = `::: photo media/${file.name}`
    const { caption, creator } = file.embedded
    for (let at = open + 1; at < lines.length && lines[at] !== ':::'; at++) {
      const line = lines[at] ?? ''
      if (line.startsWith('caption: ') && caption && !agree(caption, line.slice(9)))
        notes.push(
          `photo ${n} (${file.name}): the file's caption is "${caption}"; the print caption was kept: make them agree`,
        )
      if (line === `credit: ${PLACEHOLDERS.credit}` && creator) {
        const parsed = parsePhotoCredit(creator)
        if ('credit' in parsed) {
          lines[at] = `credit: ${creator}`
          notes.push(`photo ${n} (${file.name}): credit "${creator}" taken from the file; check it`)
        } else
          notes.push(
            `photo ${n} (${file.name}): the file names its creator "${creator}"; write credit: ROLE NAME`,
          )
      } else if (line.startsWith('credit: ') && creator && !agree(creator, line.slice(8)))
        notes.push(
          `photo ${n} (${file.name}): the file's creator is "${creator}", the print credit "${line.slice(8)}": make them agree`,
        )
    }
  })
  return { markdown: lines.join('\n'), notes }
}
