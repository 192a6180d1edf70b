/** Reads `content/glossary.txt`; a content tree without one has an empty glossary. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Problem } from '../content/draft.ts'
import { type GlossaryEntry, parseGlossary } from './parse-glossary.ts'

/** The glossary's path relative to the content root (problems and review notes name it so). */
export const GLOSSARY_FILE = 'glossary.txt'

/** The entries, or the problems as `content/glossary.txt:LINE` problems. */
export function readGlossary(root: string): { entries: GlossaryEntry[]; problems: Problem[] } {
  let text: string
  try {
    text = readFileSync(path.join(root, GLOSSARY_FILE), 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] }
    throw e
  }
  const { entries, problems } = parseGlossary(text)
  return { entries, problems: problems.map((p) => ({ file: GLOSSARY_FILE, ...p })) }
}
