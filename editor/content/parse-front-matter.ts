/** Splits a content file into its `---` front matter (key: value per line) and the body that follows. */
import type { LineProblem } from './line-problem.ts'

/** The front-matter keys FORMAT.md defines, in the order editors write them. */
export const FRONT_MATTER_KEYS = [
  'slug',
  'title',
  'dek',
  'lang',
  'byline',
  'published',
  'canonical',
  'tags',
  'aliases',
  'withdrawn',
] as const
/** One of FRONT_MATTER_KEYS. */
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number]

/** A value with the line it came from, so later checks can point at it. */
export interface Field {
  value: string
  line: number
}

/** The fields found, where the body starts, and where to point "missing field" problems. */
export interface FrontMatter {
  fields: Partial<Record<FrontMatterKey, Field>>
  /** Index into the lines of the first body line. */
  bodyStart: number
  /** 1-based line of the closing `---` (or 1 when missing), for "missing field" problems. */
  line: number
}

const isKey = (k: string): k is FrontMatterKey => (FRONT_MATTER_KEYS as readonly string[]).includes(k)

/** Reads the front matter; every malformed, unknown or repeated line becomes a problem. */
export function parseFrontMatter(lines: readonly string[], problems: LineProblem[]): FrontMatter {
  const fields: FrontMatter['fields'] = {}
  if (lines[0] !== '---') {
    problems.push({ line: 1, message: 'the file must start with a line "---" that opens the front matter' })
    return { fields, bodyStart: 0, line: 1 }
  }
  const end = lines.indexOf('---', 1)
  if (end < 0) {
    problems.push({
      line: 1,
      message: 'the front matter is never closed; add a line "---" after the last field',
    })
    return { fields, bodyStart: lines.length, line: 1 }
  }
  for (let i = 1; i < end; i++) {
    const text = lines[i] ?? ''
    const line = i + 1
    if (text.trim() === '') continue
    const m = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/.exec(text)
    if (!m?.[1]) {
      problems.push({ line, message: `"${text}" is not a "key: value" line; write one field per line` })
      continue
    }
    const key = m[1]
    if (!isKey(key)) {
      problems.push({ line, message: `unknown field "${key}"; use only ${FRONT_MATTER_KEYS.join(', ')}` })
      continue
    }
    const previous = fields[key]
    if (previous) {
      problems.push({ line, message: `"${key}" is set twice (first on line ${previous.line}); keep one` })
      continue
    }
    fields[key] = { value: (m[2] ?? '').trim(), line }
  }
  return { fields, bodyStart: end + 1, line: end + 1 }
}
