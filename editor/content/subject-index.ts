/**
 * Finds the topic of a tag and the person of a credit by name (content/topics.md, content/people.md), or says
 * what is wrong and how to fix it: an unknown name (with the nearest known one), a name two people share.
 */
import type { SubjectKind } from '../../model/subject.ts'
import type { LineProblem } from './line-problem.ts'
import { SUBJECT_FILES, type SubjectDef } from './parse-subjects-file.ts'

/** Names compare without case, width or blanks: `ＡＩ`, `ai` and `A I` are one name. */
const normal = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')

/** Edit distance in code points (names are short): Levenshtein, one row of the table at a time. */
function distance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  // row[j]: the distance between the first i code points of x and the first j of y.
  let row = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 0; i < x.length; i++) {
    const next = [i + 1]
    for (let j = 0; j < y.length; j++)
      next.push(Math.min((row[j + 1] ?? 0) + 1, (next[j] ?? 0) + 1, (row[j] ?? 0) + (x[i] === y[j] ? 0 : 1)))
    row = next
  }
  return row[y.length] ?? 0
}

export type Resolved = { id: string } | { problem: string }

/** Every topic or every person, by id and by each of its names. */
export class SubjectIndex {
  private readonly byId = new Map<string, SubjectDef>()
  private readonly byName = new Map<string, SubjectDef[]>()
  /** Problems of the file itself found while indexing (topics sharing a name), with the file's lines. */
  readonly problems: LineProblem[] = []

  constructor(
    readonly kind: SubjectKind,
    readonly defs: readonly SubjectDef[],
  ) {
    for (const def of defs) {
      this.byId.set(def.id, def)
      for (const name of new Set([def.name, ...def.also].map(normal))) {
        const list = this.byName.get(name) ?? []
        // Two people may share a name (articles then say which with {#id}); a tag must name one topic.
        const other = list[0]
        if (kind === 'topic' && other)
          this.problems.push({
            line: def.line,
            message: `the name "${name}" is ambiguous: topic "${other.id}" (line ${other.line}) has it too; a tag must name one topic, so remove it from one of them`,
          })
        else this.byName.set(name, [...list, def])
      }
    }
  }

  get file(): string {
    return `content/${SUBJECT_FILES[this.kind]}`
  }

  /** The subject an article's name refers to (`id` when the article said which, e.g. 张伟 {#zhang-wei-2}). */
  resolve(name: string, id?: string): Resolved {
    const what = this.kind === 'topic' ? 'tag' : 'person'
    // A name with markup is reported by the markup check (one problem per mistake); the draft is not built.
    if (/<[A-Za-z/!?]/u.test(name)) return { id: '' }
    if (id !== undefined) {
      const def = this.byId.get(id)
      if (!def)
        return {
          problem: `${this.kind} id "${id}" is not in ${this.file}${this.nearestId(id)}; write an id defined there`,
        }
      const names = [def.name, ...def.also].map(normal)
      if (!names.includes(normal(name)))
        return {
          problem: `{#${id}} is ${def.name} in ${this.file}, not ${name}; fix the name or the id (or add "also: ${name}" to its block)`,
        }
      return { id }
    }
    const found = this.byName.get(normal(name)) ?? []
    const [only, ...more] = found
    if (only && more.length === 0) return { id: only.id }
    if (only)
      return {
        problem: `"${name}" is ambiguous: ${found.length} people in ${this.file} have this name (${found.map((d) => d.id).join(', ')}); say which with ${name} {#${only.id}}`,
      }
    const block = `"::: ${this.kind} ID", "name: ${name}", ":::"`
    return {
      problem: `${what} "${name}" is not in ${this.file}${this.nearestName(name)}; write a known name, or add ${block} to ${this.file} (ID: a-z, 0-9 and -, kept forever${this.kind === 'person' ? ', e.g. the name in pinyin' : ''})`,
    }
  }

  private nearestName(name: string): string {
    const best = this.nearest(name, (d) => [d.name, ...d.also])
    return best ? `; did you mean "${best.name}"${this.kind === 'person' ? ` (${best.def.id})` : ''}?` : ''
  }

  private nearestId(id: string): string {
    const best = this.nearest(id, (d) => [d.id])
    return best ? ` (did you mean "${best.name}"?)` : ''
  }

  /** The known name closest to `to`, when it is close: at most a third of its characters differ (at least one). */
  private nearest(
    to: string,
    names: (d: SubjectDef) => string[],
  ): { def: SubjectDef; name: string } | undefined {
    let best: { def: SubjectDef; name: string; d: number } | undefined
    const limit = Math.max(1, Math.floor([...to].length / 3))
    for (const def of this.defs)
      for (const name of names(def)) {
        const d = distance(normal(to), normal(name))
        if (d <= limit && (best === undefined || d < best.d)) best = { def, name, d }
      }
    return best
  }
}
