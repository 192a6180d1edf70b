/**
 * Reads content/topics.md and content/people.md: `::: topic ID` / `::: person ID` blocks of `key: value` lines,
 * closed by `:::`, like photo blocks (FORMAT.md "Topics and people"). Lines starting with `#` are notes.
 */
import { SLUG } from '../../model/parse-article.ts'
import { MEDTOP, type SubjectInfo, type SubjectKind } from '../../model/subject.ts'
import { hasControlCharacters, LIMITS, lengthProblem } from './check-text.ts'
import type { LineProblem } from './line-problem.ts'

/** A topic or person as the file defines it, with the names articles may use for it and its line. */
export interface SubjectDef extends SubjectInfo {
  /** Other names articles may write for it (`also:`), e.g. a former name kept so old articles still resolve. */
  also: string[]
  line: number
}

/** The file of each kind, relative to the content root. */
export const SUBJECT_FILES: Readonly<Record<SubjectKind, string>> = {
  topic: 'topics.md',
  person: 'people.md',
}

const KEYS: Readonly<Record<SubjectKind, readonly string[]>> = {
  topic: ['name', 'also', 'medtop', 'description'],
  person: ['name', 'also', 'description'],
}

const EXAMPLE: Readonly<Record<SubjectKind, string>> = {
  topic: '"::: topic qijiang", "name: 綦江", ":::"',
  person: '"::: person liu-liuyin", "name: 刘柳吟", ":::"',
}

/** Splits `also:` like tags: `,`, `，` or `、`. */
export const splitNames = (value: string): string[] =>
  value
    .split(/[,，、]/u)
    .map((n) => n.trim())
    .filter(Boolean)

/** Every block of the file; problems carry the file's line numbers. Ids must be unique (checked here). */
export function parseSubjectsFile(
  kind: SubjectKind,
  lines: readonly string[],
): { defs: SubjectDef[]; problems: LineProblem[] } {
  const problems: LineProblem[] = []
  const defs: SubjectDef[] = []
  const seen = new Map<string, number>()
  const keys = KEYS[kind]
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim()
    if (text === '' || text.startsWith('#')) continue
    const open = new RegExp(`^:::\\s*${kind}(?:\\s+(\\S*))?\\s*$`, 'u').exec(text)
    if (!open) {
      problems.push({
        line: i + 1,
        message: `"${text.slice(0, 40)}" is outside a block; write each ${kind} as ${EXAMPLE[kind]} (notes start with #)`,
      })
      continue
    }
    const line = i + 1
    const id = open[1] ?? ''
    const fields = new Map<string, { value: string; line: number }>()
    let closed = false
    for (i++; i < lines.length; i++) {
      const field = (lines[i] ?? '').trim()
      if (field === ':::') {
        closed = true
        break
      }
      if (field === '' || field.startsWith(':::')) break
      const f = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/u.exec(field)
      const key = f?.[1]
      if (key === undefined || !keys.includes(key))
        problems.push({
          line: i + 1,
          message: `"${field.slice(0, 40)}" is not a ${kind} field; write "key: value" with key one of ${keys.join(', ')}`,
        })
      else if (fields.has(key))
        problems.push({
          line: i + 1,
          message: `"${key}" is set twice (first on line ${fields.get(key)?.line}); keep one`,
        })
      else fields.set(key, { value: (f?.[2] ?? '').trim(), line: i + 1 })
    }
    if (!closed) {
      problems.push({ line, message: `this ${kind} block is not closed; end it with a line ":::"` })
      i--
    }
    const def = checkDef(kind, id, line, fields, problems)
    const first = seen.get(id)
    if (first !== undefined)
      problems.push({
        line,
        message: `${kind} id "${id}" is already used on line ${first}; give each ${kind} its own id`,
      })
    else if (def) seen.set(id, line)
    if (def && first === undefined) defs.push(def)
  }
  return { defs, problems }
}

function checkDef(
  kind: SubjectKind,
  id: string,
  line: number,
  fields: ReadonlyMap<string, { value: string; line: number }>,
  problems: LineProblem[],
): SubjectDef | undefined {
  const before = problems.length
  if (!SLUG.test(id))
    problems.push({
      line,
      message: `${kind} id "${id}" is not 1-80 characters of a-z, 0-9 and inner hyphens; write e.g. ${EXAMPLE[kind].split('"')[1]} (it is in URLs forever)`,
    })
  for (const [key, f] of fields) {
    if (hasControlCharacters(f.value) || /<[A-Za-z/!?]/u.test(f.value))
      problems.push({
        line: f.line,
        message: `${key} must be plain text without markup or control characters; fix it`,
      })
    const long = lengthProblem(key, f.value, key === 'description' ? LIMITS.dek : LIMITS.tag)
    if (long) problems.push({ line: f.line, message: long })
  }
  const name = fields.get('name')
  if (!name?.value)
    problems.push({
      line: name?.line ?? line,
      message: `the ${kind} "${id}" has no name; add a line "name: …" with its display name`,
    })
  const medtop = fields.get('medtop')
  if (medtop && !MEDTOP.test(medtop.value))
    problems.push({
      line: medtop.line,
      message: `"${medtop.value}" is not an IPTC Media Topic code; write medtop:NNNNNNNN (8 digits, from https://cv.iptc.org/newscodes/mediatopic/) or delete the line`,
    })
  const description = fields.get('description')?.value
  if (problems.length > before || !name) return undefined
  return {
    kind,
    id,
    name: name.value,
    ...(medtop ? { medtop: medtop.value } : {}),
    ...(description ? { description } : {}),
    also: splitNames(fields.get('also')?.value ?? ''),
    line,
  }
}
