/** `checkContent(root)`: validates every article under a content root and reports all problems at once. */
import { readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { createHantConverter } from '../hant/create-hant-converter.ts'
import { createGlossaryMatcher } from '../hant/glossary-matcher.ts'
import { hantReviewNotes } from '../hant/hant-review-notes.ts'
import { readGlossary } from '../hant/read-glossary.ts'
import { buildDraft } from './build-draft.ts'
import { copyDeskWarnings } from './check-copy-desk.ts'
import { renameWarnings } from './check-renames.ts'
import { decodeText } from './decode-text.ts'
import type { DraftArticle, Problem } from './draft.ts'
import { leavesRoot } from './leaves-root.ts'
import type { LineProblem } from './line-problem.ts'
import type { Field } from './parse-front-matter.ts'
import { createImageReader, type ImageResult } from './read-image.ts'
import { readAllSubjects, type SubjectDefs, type Subjects } from './subjects.ts'

export { formatProblem } from './format-problem.ts'

/** What `checkContent` finds: drafts, problems (errors), copy-desk warnings and the zh-TW edition's review notes. */
export interface CheckedContent {
  articles: DraftArticle[]
  problems: Problem[]
  warnings: Problem[]
  /** Per article, glossary terms converted and one-to-many characters OpenCC decided (editor/hant/). */
  notes: Problem[]
  /** The topics and people of content/topics.md and content/people.md, in file order. */
  subjects: SubjectDefs
}

/** The validated drafts (only files without problems), every problem found and every copy-desk warning, sorted. */
export async function checkContent(
  root: string,
  /** false: skip the warnings and review notes for callers that only need drafts and problems (publish). */
  o: { warnings: boolean } = { warnings: true },
): Promise<CheckedContent> {
  const dir = path.join(root, 'articles')
  const names = await readdir(dir).catch(() => undefined)
  if (!names)
    return {
      articles: [],
      problems: [
        {
          file: 'articles',
          line: 1,
          message: `no folder ${dir}; create it and put one <slug>.md per article in it`,
        },
      ],
      warnings: [],
      notes: [],
      subjects: { topic: [], person: [] },
    }
  const readImage = createImageReader(root)
  const files = names.filter((n) => n.endsWith('.md')).sort()
  // One file at a time, synchronously: measured on 1,000 articles with 15,000 image files, the promise API's
  // thread-pool round trips and 1,000 half-built drafts held at once cost several times the work itself.
  const { subjects } = readAllSubjects(root)
  const results = files.map((name) => checkArticleFile(root, name, readImage, o, subjects))
  return assembleCheck(root, results, o)
}

/** What checking one file under articles/ found: its problems, its draft when it has none, its slug field. */
export interface FileCheck {
  file: string
  problems: LineProblem[]
  draft?: DraftArticle
  slug?: Field
  warnings: Problem[]
  /** The decoded text (for the review notes), when it decoded. */
  lines?: string[]
}

/** Checks one file `articles/NAME` on its own (what it says and the images it names; not the other files). */
export function checkArticleFile(
  root: string,
  name: string,
  readImage: (src: string) => ImageResult,
  o: { warnings: boolean } = { warnings: true },
  /** The topics and people files (read once by checkContent; read here when not given). */
  subjects: Subjects = readAllSubjects(root).subjects,
): FileCheck {
  const dir = path.join(root, 'articles')
  const file = `articles/${name}`
  const outside = leavesRoot(root, path.join(dir, name))
  if (outside)
    return {
      file,
      problems: [{ line: 1, message: `this file ${outside}; replace the link with the file itself` }],
      warnings: [],
    }
  const decoded = decodeText(readFileSync(path.join(dir, name)))
  if (!decoded.ok) return { file, problems: [{ line: decoded.line, message: decoded.message }], warnings: [] }
  return {
    file,
    ...buildDraft(file, decoded.lines, readImage, subjects),
    warnings: o.warnings ? copyDeskWarnings(decoded.lines).map((w) => ({ file, ...w })) : [],
    lines: decoded.lines,
  }
}

/** The checks across files (one slug, one file, the glossary), then everything sorted: checkContent's answer. */
export function assembleCheck(
  root: string,
  results: readonly FileCheck[],
  o: { warnings: boolean } = { warnings: true },
): CheckedContent {
  const problems: Problem[] = results.flatMap((r) => r.problems.map((p) => ({ file: r.file, ...p })))
  const articles = results.flatMap((r) => (r.draft ? [r.draft] : []))
  const { subjects, problems: subjectProblems } = readAllSubjects(root)
  problems.push(...duplicateSlugs(results), ...subjectProblems)
  const glossary = readGlossary(root)
  problems.push(...glossary.problems)
  sortProblems(problems)
  const bad = new Set(problems.map((p) => p.file))
  const good = articles.filter((a) => !bad.has(a.file))
  const warnings = results.flatMap((r) => r.warnings)
  if (o.warnings) warnings.push(...renameWarnings(root, good))
  sortProblems(warnings)
  const notes: Problem[] = []
  if (o.warnings && good.length > 0 && glossary.problems.length === 0) {
    const sources = new Map(results.map((r) => [r.file, r.lines ?? []]))
    const convert = createHantConverter(glossary.entries)
    const matcher = createGlossaryMatcher(glossary.entries)
    for (const a of good) notes.push(...hantReviewNotes(a.file, sources.get(a.file) ?? [], matcher, convert))
  }
  return {
    articles: good,
    problems,
    warnings,
    notes,
    subjects: { topic: subjects.topics.defs, person: subjects.people.defs },
  }
}

/** Sorts problems (or warnings) in place by file, then line; returns them. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1))
}

/**
 * Two files claiming one slug would share one URL. The file named after the slug owns it (its slug is right);
 * otherwise the first file in name order does. Every other claimant is reported.
 */
function duplicateSlugs(results: readonly { file: string; slug?: Field }[]): Problem[] {
  const owner = new Map<string, string>()
  for (const { file, slug } of results)
    if (slug?.value && (file === `articles/${slug.value}.md` || !owner.has(slug.value)))
      owner.set(slug.value, file)
  const found: Problem[] = []
  for (const { file, slug } of results) {
    const other = slug?.value ? owner.get(slug.value) : undefined
    if (slug && other && other !== file)
      found.push({
        file,
        line: slug.line,
        message: `slug "${slug.value}" is already used by ${other}; choose another slug`,
      })
  }
  return found
}
