/** Finds markup in every plain-text field of a content file, each reported on the exact line it is written on. */
import { markupProblem } from './check-text.ts'
import type { LineProblem } from './line-problem.ts'
import type { RawBody, RawParagraph } from './parse-body.ts'
import type { FrontMatter } from './parse-front-matter.ts'
import type { RawPhoto } from './read-photo-block.ts'

const FRONT_MATTER_TEXT = ['title', 'dek', 'byline', 'tags'] as const
const PHOTO_TEXT = ['alt', 'caption', 'credit'] as const

/** Where a paragraph's lines end: a blank line, a heading or a block (parse-body.ts). */
const ENDS_PARAGRAPH = /^\s*(?:$|#|:::)/

/** Every text field with markup: front matter, lede, headings, paragraphs and photo fields. */
export function markupProblems(fm: FrontMatter, body: RawBody, lines: readonly string[]): LineProblem[] {
  const found: LineProblem[] = []
  const check = (line: number, field: string, text: string) => {
    const message = markupProblem(field, text)
    if (message) found.push({ line, message })
  }
  for (const key of FRONT_MATTER_TEXT) {
    const f = fm.fields[key]
    if (f) check(f.line, key === 'tags' ? 'a tag' : `the ${key}`, f.value)
  }
  const photos = (raw: readonly RawPhoto[]) => {
    for (const photo of raw)
      for (const key of PHOTO_TEXT) {
        const f = photo.fields[key]
        if (f) check(f.line, `the photo's ${key}`, f.value)
      }
  }
  const paragraphs = (raw: readonly RawParagraph[], field: string) => {
    // A paragraph is joined from several lines: point at the line that holds the markup.
    for (const p of raw)
      for (let i = p.line - 1; i < lines.length && !ENDS_PARAGRAPH.test(lines[i] ?? ''); i++)
        if (markupProblem(field, lines[i] ?? '')) {
          check(i + 1, field, lines[i] ?? '')
          break
        }
  }
  paragraphs(body.lede, 'the lede')
  for (const c of body.corrections) check(c.line, 'the correction', c.text)
  for (const section of body.sections) {
    check(section.line, 'the heading', section.heading)
    for (const c of section.corrections) check(c.line, 'the correction', c.text)
    paragraphs(section.paragraphs, 'this paragraph')
    photos(section.photos)
  }
  photos(body.gallery)
  return found
}
