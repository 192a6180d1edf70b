/** Cuts print-export text into units (headline, dek, photo, byline, heading, paragraph), rejoining split paragraphs. */

import { joinLines } from '../content/join-lines.ts'
import { isPhotoLine } from './parse-photo-line.ts'
import { plausibleCredits } from './plausible-credits.ts'

/** One piece of the print text, with the source line it starts on (for the notes). */
export interface Unit {
  kind: 'headline' | 'dek' | 'heading' | 'paragraph' | 'byline' | 'photo'
  text: string
  line: number
}

/** Print columns split paragraphs anywhere; a block ending like this ends a sentence and so a paragraph. */
const SENTENCE_END = /[。！？!?….”’」』）)]$/u
/** A heading may end in a closing quote (乡村振兴有“新路”, “……”), but not in a full stop, even inside quotes. */
const FINAL_STOP = /[。！？!?….；;：:][”’」』"')）]*$/u
/** Headings are short; anything longer with no final punctuation is a paragraph the layout cut. */
export const MAX_HEADING_LENGTH = 30
/** Headings are phrases: a comma or full stop outside quotes means a sentence that a column break cut short. */
const CLAUSE_MARK = /[，,、；;。]/u
/** Quoted words inside a heading may hold commas (“要夯基垒台，立柱架梁”). */
const QUOTED = /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"/gu
/** A heading's number: 一、 1. （一） 第一 — its 、 is not a clause mark. */
const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])\s*/u
/** A subtitle right under the headline starts with a dash (——綦江区建设纪实). */
const SUBTITLE = /^(?:——|—|--)/u

/** A byline line: credits and nothing else (文/记者 李四 通讯员 王五, 本报记者 陈 刚, （记者 李四）). */
export const isByline = (text: string): boolean => plausibleCredits(text) !== undefined

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
    const nextText = raw.slice(i + 1).find((n) => !isPhotoLine(n.text))?.text
    const kind: Unit['kind'] =
      units.length === 0
        ? 'headline'
        : units.length === 1 && units[0]?.kind === 'headline' && SUBTITLE.test(r.text)
          ? 'dek'
          : classify(r.text, nextText)
    const unit: Unit = { kind, ...r }
    if (kind === 'heading')
      notes.push(
        `line ${r.line}: "${r.text}" taken as a section heading (short, no final punctuation, text follows)`,
      )
    if (kind === 'dek') notes.push(`line ${r.line}: "${r.text}" under the headline taken as the dek`)
    units.push(unit)
    if (kind !== 'photo') lastText = unit
  }
  return units
}

const isText = (text: string) => !isPhotoLine(text) && !isByline(text)

/** True for a short phrase with no final punctuation: a heading when text follows. */
export function looksLikeHeading(text: string): boolean {
  const phrase = text.replace(NUMBERING, '').replace(QUOTED, '“”')
  return [...text].length <= MAX_HEADING_LENGTH && !FINAL_STOP.test(text) && !CLAUSE_MARK.test(phrase)
}

function classify(text: string, next: string | undefined): Unit['kind'] {
  if (isPhotoLine(text)) return 'photo'
  if (isByline(text)) return 'byline'
  return looksLikeHeading(text) && next !== undefined && isText(next) ? 'heading' : 'paragraph'
}
