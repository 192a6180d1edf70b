/** Checks one content file end to end and builds its DraftArticle when it has no problem. */
import type { Correction } from '../../model/article.ts'
import { GALLERY_ID } from '../../model/article-items.ts'
import { SLUG } from '../../model/parse-article.ts'
import { buildPhoto, type ReadImage } from './build-photo.ts'
import { dateProblem } from './check-date.ts'
import { checkFrontMatter } from './check-front-matter.ts'
import { checkLifecycle } from './check-lifecycle.ts'
import { markupProblems } from './check-markup.ts'
import { controlCharacterProblem, hasControlCharacters, LIMITS, lengthProblem } from './check-text.ts'
import type { DraftArticle, DraftPhoto, DraftSection } from './draft.ts'
import type { LineProblem } from './line-problem.ts'
import { parseBody, type RawParagraph, type RawSection } from './parse-body.ts'
import { type Field, parseFrontMatter } from './parse-front-matter.ts'
import type { RawCorrection } from './read-correction-block.ts'
import type { RawPhoto } from './read-photo-block.ts'
import type { SubjectIndex } from './subject-index.ts'
import type { Subjects } from './subjects.ts'

/** What photos are checked against: the image files and the people file. */
interface PhotoReaders {
  readImage: ReadImage
  people: SubjectIndex
}

/** `file` is relative to the content root (articles/x.md); its problems come back in line order. */
export function buildDraft(
  file: string,
  lines: readonly string[],
  readImage: ReadImage,
  subjects: Subjects,
): { draft?: DraftArticle; problems: LineProblem[]; slug?: Field } {
  const problems: LineProblem[] = []
  if (lines.some(hasControlCharacters))
    lines.forEach((text, i) => {
      const message = controlCharacterProblem(text)
      if (message) problems.push({ line: i + 1, message })
    })
  const fm = parseFrontMatter(lines, problems)
  const fileSlug = file.replace(/^.*\//, '').replace(/\.md$/, '')
  const head = checkFrontMatter(fm, fileSlug, subjects, problems)
  const read: PhotoReaders = { readImage, people: subjects.people }
  const lifecycle = checkLifecycle(fm, head.slug, problems)
  const body = parseBody(lines, fm.bodyStart, problems)
  problems.push(...markupProblems(fm, body, lines))
  const lede = paragraphs(body.lede, problems)
  if (body.sections.length === 0)
    problems.push({
      line: fm.line,
      message: 'the article has no sections; add at least one "## Heading {#id}" with paragraphs',
    })
  if (body.sections.length > LIMITS.sections)
    problems.push({
      line: body.sections[LIMITS.sections]?.line ?? 1,
      message: `more than ${LIMITS.sections} sections; split the article`,
    })
  const seen = new Map<string, number>()
  const sections = body.sections.map((s) => buildSection(s, seen, read, problems))
  const photos = buildPhotos(body.gallery, 'the gallery', fm.line, read, problems)
  const notes = buildCorrections(body.corrections, problems)
  problems.sort((a, b) => a.line - b.line)
  const slug = fm.fields.slug
  if (problems.length > 0) return { problems, ...(slug ? { slug } : {}) }
  const draft = {
    file,
    ...head,
    ...(notes.length > 0 ? { corrections: notes } : {}),
    lede,
    sections,
    photos,
    ...lifecycle,
  }
  return { draft, problems, ...(slug ? { slug } : {}) }
}

function paragraphs(raw: readonly RawParagraph[], problems: LineProblem[]): string[] {
  for (const p of raw) {
    const long = lengthProblem('this paragraph', p.text, LIMITS.paragraph)
    if (long) problems.push({ line: p.line, message: `${long} or split it with a blank line` })
  }
  return raw.map((p) => p.text)
}

function buildSection(
  raw: RawSection,
  seen: Map<string, number>,
  read: PhotoReaders,
  problems: LineProblem[],
): DraftSection {
  const { line, id = '' } = raw
  if (!raw.heading) problems.push({ line, message: 'the section heading is empty; write it before {#id}' })
  const long = lengthProblem('the heading', raw.heading, LIMITS.heading)
  if (long) problems.push({ line, message: long })
  if (raw.id !== undefined && !SLUG.test(id))
    problems.push({
      line,
      message: `section id "${id}" is not 1-80 characters of a-z, 0-9 and inner hyphens; write e.g. {#opening-up}`,
    })
  if (id === GALLERY_ID)
    problems.push({
      line,
      message: `section id "${id}" is reserved for the article's gallery (its feed item and page); choose another id`,
    })
  const first = seen.get(id)
  if (raw.id !== undefined && first !== undefined)
    problems.push({
      line,
      message: `section id "${id}" is already used on line ${first}; give each section its own id`,
    })
  else if (raw.id !== undefined) seen.set(id, line)
  if (raw.updated) {
    const bad = dateProblem('updated', raw.updated.value)
    if (bad) problems.push({ line, message: bad })
  }
  if (raw.paragraphs.length === 0 && raw.photos.length === 0)
    problems.push({
      line,
      message: 'the section is empty; write its paragraphs below the heading, or delete it',
    })
  const photos = buildPhotos(raw.photos, 'this section', line, read, problems)
  const notes = buildCorrections(raw.corrections, problems)
  for (const old of raw.was)
    if (!SLUG.test(old) || old === id)
      problems.push({ line, message: `was=${old} is not a former section id (a-z, 0-9, -); fix it` })
  return {
    id,
    was: raw.was,
    heading: raw.heading,
    paragraphs: paragraphs(raw.paragraphs, problems),
    photos,
    ...(raw.updated ? { updated: raw.updated.value } : {}),
    ...(notes.length > 0 ? { corrections: notes } : {}),
  }
}

/** Corrections need a real date with offset and a note of at most a paragraph's length, in date order. */
function buildCorrections(raw: readonly RawCorrection[], problems: LineProblem[]): Correction[] {
  let previous = Number.NEGATIVE_INFINITY
  for (const c of raw) {
    const bad = c.date
      ? dateProblem('the correction date', c.date)
      : 'the correction has no date; write "::: correction 2026-11-27T10:00:00+08:00"'
    if (bad) problems.push({ line: c.line, message: bad })
    else if (Date.parse(c.date) < previous)
      problems.push({
        line: c.line,
        message: 'corrections are listed oldest first; move this one above the later one',
      })
    else previous = Date.parse(c.date)
    if (!c.text)
      problems.push({
        line: c.line,
        message: 'the correction is empty; write what was wrong and what is right',
      })
    const long = lengthProblem('the correction', c.text, LIMITS.paragraph)
    if (long) problems.push({ line: c.line, message: long })
  }
  return raw.map((c) => ({ date: c.date, text: c.text }))
}

function buildPhotos(
  raw: readonly RawPhoto[],
  where: string,
  line: number,
  read: PhotoReaders,
  problems: LineProblem[],
): DraftPhoto[] {
  if (raw.length > LIMITS.photos)
    problems.push({
      line: raw[LIMITS.photos]?.line ?? line,
      message: `${where} has more than ${LIMITS.photos} photos; remove some`,
    })
  const built = raw.map((p) => buildPhoto(p, read.readImage, read.people, problems))
  return built.filter((p): p is DraftPhoto => p !== undefined)
}
