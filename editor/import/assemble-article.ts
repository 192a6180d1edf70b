/** Puts print units in article order: lede, sections with their photos, and the closing gallery. */
import { type PrintPhoto, parsePhotoLine } from './parse-photo-line.ts'
import type { Unit } from './split-units.ts'

/** A section found in print text: heading, paragraphs and the photos attached to it. */
export interface ImportedSection {
  heading: string
  paragraphs: string[]
  photos: PrintPhoto[]
}

/** Print text sorted into article order, before it is written as a content file. */
export interface ImportedArticle {
  headline: string
  dek?: string
  /** The byline as printed; several byline lines are joined with a space. */
  byline?: string
  lede: string[]
  sections: ImportedSection[]
  gallery: PrintPhoto[]
}

/** A byline in brackets, as print ends an article (（记者 张三）): it closes the text, it does not open a lede. */
const CLOSING_BYLINE = /^[（(]/u

const quote = (s: string) => `"${s.length > 24 ? `${s.slice(0, 24)}…` : s}"`

/** Decides where every unit goes; each decision the print text does not settle is explained in `notes`. */
export function assembleArticle(units: readonly Unit[], notes: string[]): ImportedArticle {
  const article: ImportedArticle = { headline: '', lede: [], sections: [], gallery: [] }
  let pending: { photo: PrintPhoto; line: number }[] = []
  let ledeAfterSections = false
  const attachPending = (section: ImportedSection | undefined, why: string) => {
    for (const { photo, line } of pending) {
      if (section) section.photos.push(photo)
      else article.gallery.push(photo)
      notes.push(`line ${line}: photo ${quote(photo.caption)} ${why}`)
    }
    pending = []
  }
  for (const unit of units) {
    const current = article.sections.at(-1)
    if (unit.kind === 'headline') article.headline = unit.text
    else if (unit.kind === 'dek') article.dek = unit.text
    else if (unit.kind === 'photo') pending.push({ photo: parsePhotoLine(unit.text), line: unit.line })
    else if (unit.kind === 'heading') {
      const section: ImportedSection = { heading: unit.text, paragraphs: [], photos: [] }
      attachPending(
        section,
        `precedes the heading ${quote(unit.text)}: attached to that section (print puts a photo above the section it illustrates)`,
      )
      article.sections.push(section)
      ledeAfterSections = false
    } else if (unit.kind === 'byline') {
      attachPending(current, 'precedes the byline: attached to the section before it')
      if (article.byline) notes.push(`line ${unit.line}: a second byline line, joined to the first`)
      article.byline = article.byline ? `${article.byline} ${unit.text}` : unit.text
      if (CLOSING_BYLINE.test(unit.text))
        notes.push(
          `line ${unit.line}: the byline in brackets closes the text; what follows stays where it is`,
        )
      else if (current && !ledeAfterSections) {
        ledeAfterSections = true
        notes.push(
          `line ${unit.line}: the byline and the paragraphs after it follow the sections (print layout): written as byline and lede`,
        )
      }
    } else {
      const toLede = !current || ledeAfterSections
      attachPending(
        toLede ? article.sections[0] : current,
        'stands between paragraphs: attached to the section around it',
      )
      ;(toLede ? article.lede : current.paragraphs).push(unit.text)
    }
  }
  if (pending.length > 0)
    attachPending(
      undefined,
      'follows all the text and belongs to no section: written under "# Photos" (the gallery)',
    )
  return article
}
