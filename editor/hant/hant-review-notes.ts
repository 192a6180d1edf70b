/**
 * The copy desk's review notes for the zh-TW edition of one content file: which glossary terms it converted,
 * and every one-to-many character OpenCC decided for it (not covered by the glossary), with lines. Notes, not
 * problems: nothing is wrong until an editor decides a reading is.
 */
import type { Problem } from '../content/draft.ts'
import { AMBIGUOUS_CHARACTERS } from './ambiguous-characters.ts'
import type { HantConverter } from './create-hant-converter.ts'
import type { GlossaryMatcher } from './glossary-matcher.ts'
import type { GlossaryEntry } from './parse-glossary.ts'
import { GLOSSARY_FILE } from './read-glossary.ts'

const HAN = /\p{Script=Han}/u
/** At most this many distinct terms are quoted per character; the lines list every occurrence. */
const TERMS_SHOWN = 6

/** Where one ambiguous character occurs, by the reading it got: each reading's count and the terms it got it in. */
interface Seen {
  line: number
  lines: number[]
  readings: Map<string, { count: number; terms: Set<string> }>
}

/** `file` is relative to the content root; `lines` are the file's lines as checked. */
export function hantReviewNotes(
  file: string,
  lines: readonly string[],
  matcher: GlossaryMatcher,
  convert: HantConverter,
): Problem[] {
  const glossary = new Map<GlossaryEntry, { line: number; count: number }>()
  const ambiguous = new Map<string, Seen>()
  lines.forEach((text, i) => {
    const line = i + 1
    if (!HAN.test(text)) return
    const matches = matcher.matches(text)
    for (const m of matches) {
      const g = glossary.get(m.entry)
      if (g) g.count++
      else glossary.set(m.entry, { line, count: 1 })
    }
    const converted = convert(text)
    // Conversion keeps lengths in nearly every line; where it does not, a character is read in its own context.
    const aligned = converted.length === text.length
    let next = 0
    for (let at = 0; at < text.length; at++) {
      while ((matches[next]?.end ?? Number.POSITIVE_INFINITY) <= at) next++
      if (at >= (matches[next]?.start ?? Number.POSITIVE_INFINITY)) continue
      const c = text[at] ?? ''
      if (!AMBIGUOUS_CHARACTERS.has(c)) continue
      const from = HAN.test(text[at - 1] ?? '') ? at - 1 : at
      const to = HAN.test(text[at + 1] ?? '') ? at + 2 : at + 1
      const source = text.slice(from, to)
      const reading = aligned ? (converted[at] ?? c) : readIn(source, at - from, convert)
      const seen: Seen = ambiguous.get(c) ?? { line, lines: [], readings: new Map() }
      if (seen.lines.at(-1) !== line) seen.lines.push(line)
      const r = seen.readings.get(reading) ?? { count: 0, terms: new Set<string>() }
      r.count++
      r.terms.add(source)
      seen.readings.set(reading, r)
      ambiguous.set(c, seen)
    }
  })
  const notes: Problem[] = []
  for (const [e, { line, count }] of glossary)
    notes.push({
      file,
      line,
      message: `glossary: ${e.simplified} → ${e.traditional} (${e.kind}, ${GLOSSARY_FILE}:${e.line})${times(count)}`,
    })
  for (const [c, seen] of ambiguous) {
    const candidates = [...(AMBIGUOUS_CHARACTERS.get(c) ?? '')]
    // The rarer readings first: OpenCC's usual choice is the first candidate, the surprises are the others.
    const readings = [...seen.readings].sort(
      ([a], [b]) => Number(a === candidates[0]) - Number(b === candidates[0]),
    )
    const shown = readings.map(([reading, { count, terms }]) => {
      const list = [...terms]
      const quoted = list.slice(0, TERMS_SHOWN).join('、') + (list.length > TERMS_SHOWN ? '…' : '')
      return `${reading}${times(count)} in ${quoted}`
    })
    const where = seen.lines.length > 1 ? ` (lines ${seen.lines.join(', ')})` : ''
    notes.push({
      file,
      line: seen.line,
      message: `review ${c} (${candidates.join('/')}): ${shown.join('; ')}${where}; where a reading is wrong, add the term to ${GLOSSARY_FILE}`,
    })
  }
  return notes.sort((a, b) => a.line - b.line)
}

/** The reading of the character at `index` of `source` when converted alone (lines whose length conversion changed). */
function readIn(source: string, index: number, convert: HantConverter): string {
  const converted = convert(source)
  return converted.length === source.length ? (converted[index] ?? '') : converted
}

function times(n: number): string {
  return n > 1 ? ` ×${n}` : ''
}
