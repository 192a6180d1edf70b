/** Reads one `::: correction DATE` … `:::` block: a dated correction note, its text on the lines between. */
import { joinLines } from './join-lines.ts'
import type { LineProblem } from './line-problem.ts'

/** A correction as written: the line of `::: correction`, its date and its text (lines joined like a paragraph). */
export interface RawCorrection {
  line: number
  date: string
  text: string
}

/** True for the line that opens a correction block. */
export const isCorrectionOpen = (trimmed: string): boolean => /^:::\s*correction\b/u.test(trimmed)

/** Reads the block opening at lines[start]; `next` is the index after its closing `:::` (or where it broke off). */
export function readCorrectionBlock(
  lines: readonly string[],
  start: number,
  problems: LineProblem[],
): { correction?: RawCorrection; next: number } {
  const line = start + 1
  const date = (lines[start] ?? '').trim().replace(/^:::\s*correction\s*/u, '')
  const text: string[] = []
  for (let i = start + 1; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim()
    if (t === ':::') return { correction: { line, date, text: joinLines(text) }, next: i + 1 }
    if (t.startsWith(':::') || /^#{1,6}\s/u.test(t)) break
    text.push(t)
  }
  problems.push({ line, message: 'the correction block is never closed; end it with a line ":::"' })
  return { next: lines.length }
}
