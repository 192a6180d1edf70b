/** The importer's section ids: derived from the heading text, never from position, so reordering keeps them. */
import { createHash } from 'node:crypto'

/** `s-` and the first 6 hex digits of sha256(heading); the editor replaces it with a readable id on review. */
export function sectionId(heading: string): string {
  return `s-${createHash('sha256').update(heading, 'utf8').digest('hex').slice(0, 6)}`
}
