/** Parses the newsroom glossary (`content/glossary.txt`): Simplified terms and the Traditional forms that win over OpenCC. */
import type { LineProblem } from '../content/line-problem.ts'

/** What a glossary entry names: the kind is for the copy desk's review notes; every kind converts the same way. */
export const GLOSSARY_KINDS = ['people', 'places', 'organisations', 'phrases'] as const
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number]

export interface GlossaryEntry {
  simplified: string
  traditional: string
  kind: GlossaryKind
  /** 1-based line in the glossary file (review notes point at it). */
  line: number
}

const HEADER = /^\[([^\]]*)\]$/
const BLANK_INSIDE = /\s/

/** Every entry in file order, or every problem found (the caller writes nothing when there is one). */
export function parseGlossary(text: string): { entries: GlossaryEntry[]; problems: LineProblem[] } {
  const entries: GlossaryEntry[] = []
  const problems: LineProblem[] = []
  const seen = new Map<string, number>()
  let kind: GlossaryKind | undefined
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = i + 1
    const s = raw.trim()
    if (s === '' || s.startsWith('#')) return
    const header = HEADER.exec(s)
    if (header) {
      const name = header[1]?.trim() ?? ''
      kind = GLOSSARY_KINDS.find((k) => k === name)
      if (!kind)
        problems.push({
          line,
          message: `unknown section [${name}]; use one of ${GLOSSARY_KINDS.map((k) => `[${k}]`).join(', ')}`,
        })
      return
    }
    const eq = s.indexOf('=')
    if (eq < 0) {
      problems.push({ line, message: `"${s}" has no "="; write the entry as 简体 = 繁體` })
      return
    }
    const simplified = s.slice(0, eq).trim()
    const traditional = s.slice(eq + 1).trim()
    if (simplified === '' || traditional === '') {
      problems.push({
        line,
        message: `an entry needs a term on both sides of "="; write it as 简体 = 繁體`,
      })
      return
    }
    if (BLANK_INSIDE.test(simplified) || BLANK_INSIDE.test(traditional) || traditional.includes('=')) {
      problems.push({
        line,
        message: `"${s}" is not one term on each side; write one entry a line, without spaces inside a term`,
      })
      return
    }
    if (!kind) {
      problems.push({
        line,
        message: `entry "${simplified}" comes before any section; put it under [people], [places], [organisations] or [phrases]`,
      })
      return
    }
    const first = seen.get(simplified)
    if (first !== undefined) {
      problems.push({
        line,
        message: `"${simplified}" is already in the glossary on line ${first}; keep one entry and delete the other`,
      })
      return
    }
    seen.set(simplified, line)
    entries.push({ simplified, traditional, kind, line })
  })
  return { entries, problems }
}
