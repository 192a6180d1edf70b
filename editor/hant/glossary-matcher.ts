/** Finds glossary terms in a text, leftmost and longest first, the way the converter protects them from OpenCC. */
import type { GlossaryEntry } from './parse-glossary.ts'

/** One glossary term found in a text: `text.slice(start, end) === entry.simplified`. */
export interface GlossaryMatch {
  start: number
  end: number
  entry: GlossaryEntry
}

/** Splits texts into glossary terms and the runs between them. */
export interface GlossaryMatcher {
  /** Every match, left to right, none overlapping: at each position the longest term starting there. */
  matches(text: string): GlossaryMatch[]
}

/** Indexes the entries by first UTF-16 unit, longest first, so a text with no term costs one Map lookup a character. */
export function createGlossaryMatcher(entries: readonly GlossaryEntry[]): GlossaryMatcher {
  const byFirst = new Map<string, GlossaryEntry[]>()
  for (const e of entries) {
    const head = e.simplified[0] ?? ''
    const list = byFirst.get(head) ?? []
    list.push(e)
    byFirst.set(head, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.simplified.length - a.simplified.length)
  return {
    matches(text) {
      const found: GlossaryMatch[] = []
      if (byFirst.size === 0) return found
      for (let i = 0; i < text.length; ) {
        const entry = byFirst.get(text[i] ?? '')?.find((e) => text.startsWith(e.simplified, i))
        if (!entry) {
          i++
          continue
        }
        const end = i + entry.simplified.length
        found.push({ start: i, end, entry })
        i = end
      }
      return found
    },
  }
}
