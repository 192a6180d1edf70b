/** Correction notes as readers see them, in the article's language: 更正（2026年11月27日）：… / Correction (27 November 2026): … */
import type { Correction } from '../../model/article.ts'
import { escapeXml } from './xml-text.ts'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** The date as written in the note's own offset (the newsroom's calendar day), no time zone maths. */
function noteDate(rfc3339: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(rfc3339)
  if (!m) return rfc3339
  const [, y, mo, d] = m
  return lang.toLowerCase().startsWith('zh')
    ? `${y}年${Number(mo)}月${Number(d)}日`
    : `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}`
}

/** The label that opens a note: `更正（2026年11月27日）：` or `Correction (27 November 2026): `. */
export function correctionLead(note: Correction, lang: string): string {
  return lang.toLowerCase().startsWith('zh')
    ? `更正（${noteDate(note.date, lang)}）：`
    : `Correction (${noteDate(note.date, lang)}): `
}

/** Notes as escaped HTML paragraphs (pages and feed content share this markup). */
export function correctionsHtml(notes: readonly Correction[], lang: string): string {
  return notes
    .map(
      (n) =>
        `<p class="correction"><strong>${escapeXml(correctionLead(n, lang))}</strong>${escapeXml(n.text)}</p>`,
    )
    .join('')
}
