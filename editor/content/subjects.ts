/** The topics and people files of a content root, read once per check, and credits resolved against them. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Credit } from '../../model/article.ts'
import type { SubjectKind } from '../../model/subject.ts'
import { decodeText } from './decode-text.ts'
import type { Problem } from './draft.ts'
import { parseSubjectsFile, SUBJECT_FILES, type SubjectDef } from './parse-subjects-file.ts'
import { SubjectIndex } from './subject-index.ts'

/** Every topic and every person articles may name. */
export interface Subjects {
  topics: SubjectIndex
  people: SubjectIndex
}

/** Every topic and every person as defined, in file order (what publish writes to the directories). */
export type SubjectDefs = Readonly<Record<SubjectKind, readonly SubjectDef[]>>

/** A credit with the id of its person, or the credit as written after reporting why it has none. */
export function resolveCredit(
  credit: Credit,
  people: SubjectIndex,
  report: (problem: string) => void,
): Credit {
  const found = people.resolve(credit.name, credit.id)
  if ('problem' in found) {
    report(found.problem)
    return credit
  }
  return { ...credit, id: found.id }
}

/** Reads one file (absent: no topics or people, so every tag or credit is reported unknown). */
function readSubjects(root: string, kind: SubjectKind, problems: Problem[]): SubjectIndex {
  const file = SUBJECT_FILES[kind]
  let bytes: Buffer
  try {
    bytes = readFileSync(path.join(root, file))
  } catch {
    return new SubjectIndex(kind, [])
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) {
    problems.push({ file, line: decoded.line, message: decoded.message })
    return new SubjectIndex(kind, [])
  }
  const parsed = parseSubjectsFile(kind, decoded.lines)
  const index = new SubjectIndex(kind, parsed.defs)
  for (const p of [...parsed.problems, ...index.problems]) problems.push({ file, ...p })
  return index
}

/** content/topics.md and content/people.md under `root`, with the problems of those files. */
export function readAllSubjects(root: string): { subjects: Subjects; problems: Problem[] } {
  const problems: Problem[] = []
  const subjects = {
    topics: readSubjects(root, 'topic', problems),
    people: readSubjects(root, 'person', problems),
  }
  return { subjects, problems }
}
