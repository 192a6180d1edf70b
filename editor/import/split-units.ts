/** Cuts print-export text into units (headline, photo, byline, heading, paragraph), rejoining split paragraphs. */

import { joinLines } from '../content/join-lines.ts'
import { BYLINE_PREFIX, ZH_LABEL_PATTERN } from '../content/parse-credit.ts'
import { PHOTO_MARK } from './parse-photo-line.ts'

/** One piece of the print text, with the source line it starts on (for the notes). */
export interface Unit {
  kind: 'headline' | 'heading' | 'paragraph' | 'byline' | 'photo'
  text: string
  line: number
}

/** Print columns split paragraphs anywhere; a block ending like this ends a sentence and so a paragraph. */
const SENTENCE_END = /[。！？!?….”’」』）)]$/u
/** Headings are short; anything longer with no final punctuation is a paragraph the layout cut. */
export const MAX_HEADING_LENGTH = 30
/** Headings are phrases: a comma or full stop inside means a sentence that a column break cut short. */
const CLAUSE_MARK = /[，,、；;。]/u
const BYLINE = new RegExp(`${BYLINE_PREFIX.source}(?:${ZH_LABEL_PATTERN})\\s*\\S+$`, 'u')

/** Every non-blank line becomes a unit; `notes` receives each rejoin so the editor can review it. */
export function splitUnits(text: string, notes: string[]): Unit[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replaceAll('\r\n', '\n')
    .split('\n')
  const raw = lines.flatMap((l, i) => {
    const t = l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    return t ? [{ text: t, line: i + 1 }] : []
  })
  const units: Unit[] = []
  let lastText: Unit | undefined
  for (const [i, r] of raw.entries()) {
    if (lastText?.kind === 'paragraph' && !SENTENCE_END.test(lastText.text) && isText(r.text)) {
      notes.push(
        `line ${r.line}: joined to the paragraph on line ${lastText.line}, which does not end a sentence`,
      )
      lastText.text = joinLines([lastText.text, r.text])
      continue
    }
    const unit: Unit = { kind: units.length === 0 ? 'headline' : classify(r.text, raw[i + 1]?.text), ...r }
    if (unit.kind === 'heading')
      notes.push(
        `line ${r.line}: "${r.text}" taken as a section heading (short, no punctuation, text follows)`,
      )
    units.push(unit)
    if (unit.kind !== 'photo') lastText = unit
  }
  return units
}

const isText = (text: string) => !PHOTO_MARK.test(text) && !BYLINE.test(text)

function classify(text: string, next: string | undefined): Unit['kind'] {
  if (PHOTO_MARK.test(text)) return 'photo'
  if (BYLINE.test(text)) return 'byline'
  const heading =
    [...text].length <= MAX_HEADING_LENGTH &&
    !SENTENCE_END.test(text) &&
    !CLAUSE_MARK.test(text) &&
    next !== undefined &&
    isText(next)
  return heading ? 'heading' : 'paragraph'
}
