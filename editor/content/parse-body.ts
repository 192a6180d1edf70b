/** Reads an article body into lede, sections and gallery with line numbers; values are checked later (build-draft). */

import { joinLines } from './join-lines.ts'
import type { LineProblem } from './line-problem.ts'
import type { Field } from './parse-front-matter.ts'
import { isCorrectionOpen, type RawCorrection, readCorrectionBlock } from './read-correction-block.ts'
import { type RawPhoto, readPhotoBlock } from './read-photo-block.ts'

/** A paragraph's joined text and the line it starts on. */
export interface RawParagraph {
  line: number
  text: string
}

/** A section as written: heading, id and optional `updated` attribute, its paragraphs and photos. */
export interface RawSection {
  line: number
  heading: string
  /** Undefined when the heading has no `{#id}` (already reported). */
  id?: string
  updated?: Field
  /** Former ids (`was=old-id`, repeatable). */
  was: string[]
  paragraphs: RawParagraph[]
  photos: RawPhoto[]
  corrections: RawCorrection[]
}

/** The body in reading order: lede, sections, and the `# Photos` gallery. */
export interface RawBody {
  lede: RawParagraph[]
  sections: RawSection[]
  gallery: RawPhoto[]
  /** Corrections written before the first section: they concern the whole article. */
  corrections: RawCorrection[]
}

const HEADING = /^##\s+(.*?)\s*\{#([^\s}]*)([^}]*)\}\s*$/

/** Parses lines[start..] (the body); `problems` receives every structural mistake, and parsing goes on after each. */
export function parseBody(lines: readonly string[], start: number, problems: LineProblem[]): RawBody {
  const body: RawBody = { lede: [], sections: [], gallery: [], corrections: [] }
  let inGallery = false
  let para: { line: number; lines: string[] } | undefined
  const flush = () => {
    if (!para) return
    const target = body.sections.at(-1)?.paragraphs ?? body.lede
    if (inGallery)
      problems.push({
        line: para.line,
        message: 'only photo blocks may follow "# Photos"; move this text into a section above',
      })
    else target.push({ line: para.line, text: joinLines(para.lines) })
    para = undefined
  }
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? ''
    const line = i + 1
    const trimmed = text.trim()
    if (trimmed === '') {
      flush()
    } else if (isCorrectionOpen(trimmed)) {
      flush()
      const block = readCorrectionBlock(lines, i, problems)
      i = block.next - 1
      if (!block.correction) continue
      if (inGallery)
        problems.push({
          line,
          message:
            'a correction under "# Photos"; move it into the section it corrects, or above the first section',
        })
      else (body.sections.at(-1)?.corrections ?? body.corrections).push(block.correction)
    } else if (/^:::/.test(trimmed)) {
      flush()
      const block = readPhotoBlock(lines, i, problems)
      i = block.next - 1
      if (!block.photo) continue
      if (inGallery) body.gallery.push(block.photo)
      else if (body.sections.length > 0) body.sections.at(-1)?.photos.push(block.photo)
      else
        problems.push({
          line,
          message: 'a photo before the first section; move it into a section or under "# Photos"',
        })
    } else if (/^#{1,6}(\s|$)/.test(trimmed)) {
      flush()
      if (/^#\s+Photos$/.test(trimmed)) {
        if (inGallery)
          problems.push({ line, message: '"# Photos" appears twice; keep one, after the last section' })
        inGallery = true
      } else if (!/^##\s/.test(trimmed)) {
        problems.push({
          line,
          message: 'unknown heading; sections are "## Heading {#id}" and the gallery is "# Photos"',
        })
      } else if (inGallery) {
        problems.push({ line, message: 'a section after "# Photos"; move it above "# Photos"' })
      } else {
        body.sections.push(readHeading(trimmed, line, problems))
      }
    } else if (para) {
      para.lines.push(text)
    } else {
      para = { line, lines: [text] }
    }
  }
  flush()
  return body
}

function readHeading(text: string, line: number, problems: LineProblem[]): RawSection {
  const section: RawSection = {
    line,
    heading: text.replace(/^##\s+/, ''),
    was: [],
    paragraphs: [],
    photos: [],
    corrections: [],
  }
  const m = HEADING.exec(text)
  if (!m) {
    problems.push({
      line,
      message: 'the section heading has no id; end it with {#an-id}, e.g. "## 标题 {#opening-up}"',
    })
    return section
  }
  section.heading = m[1] ?? ''
  section.id = m[2] ?? ''
  for (const attr of (m[3] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [key, value] = attr.split('=', 2)
    if (key === 'updated' && value !== undefined && !section.updated) section.updated = { value, line }
    else if (key === 'was' && value) section.was.push(value)
    else
      problems.push({
        line,
        message: `unknown heading attribute "${attr}"; only updated=<RFC 3339 time> and was=<former id> are allowed`,
      })
  }
  return section
}
