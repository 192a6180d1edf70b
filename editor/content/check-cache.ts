/**
 * Publish's check of the content tree, remembered between runs in one file under the cache folder and its log (a
 * run that checked a few files again appends their entries; one that finds the log long writes the file anew). An article file
 * is not read again when its stat (inode, size, time to the nanosecond) and its images' stats (or, for an image whose
 * stat changed, its bytes) are as they were when it last checked clean, with the same topics and people files and the same checker code: it stands in the answer
 * as a stub (editor/publish/draft-stub.ts) carrying the source hash it had. Everything else (a changed or new file,
 * one with problems, a link, a changed image) is checked as checkContent checks it, and the checks across files
 * run on the whole tree every time, so the answer's slugs, problems and source hashes are checkContent's.
 * `full` turns stubs back into full drafts (publish asks for the ones it builds) and refuses a file that changed
 * since, so a publish never builds from a stub.
 */

import { isAscii } from 'node:buffer'
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentHash } from '../publish/content-hash.ts'
import { isStub, stubDraft } from '../publish/draft-stub.ts'
import { rememberSourceHash, sourceHash } from '../publish/source-hash.ts'
import {
  assembleCheck,
  type CheckedContent,
  checkArticleFile,
  checkContent,
  type FileCheck,
} from './check-content.ts'
import type { DraftArticle } from './draft.ts'
import { fileStamp, type KnownStamps } from './file-stamp.ts'
import type { Field } from './parse-front-matter.ts'
import { createImageReader } from './read-image.ts'
import { readAllSubjects } from './subjects.ts'

const PUBLISH_ONLY = { warnings: false }

/** What the cache keeps of a file that checked clean. */
interface Remembered {
  stamp: string
  /** The image files the draft uses, as indexes into the cache's image table. */
  images: number[]
  slug: Field
  source: string
  header: Omit<DraftArticle, 'lede' | 'sections' | 'photos'>
}

/** An image file: its path under the root, its stat and its content hash when it was checked. */
type ImageRow = [path: string, stamp: string, hash: string]

/**
 * One line of the cache's log: what a run that changed few entries appends instead of rewriting the cache file
 * (for one edited article of 10,000, a line of half a kilobyte instead of 6 MB). Its entries carry their image rows.
 */
interface LogLine {
  key: string
  files: Record<string, Omit<Remembered, 'images'> & { rows: ImageRow[] }>
  removed: string[]
}

/** Entries the log may hold before a run writes the whole cache file again (and empties the log). */
const LOG_ENTRIES = 1_000

interface CacheFile {
  /** The checker's code, the topics and people files and the root: any change makes every entry stale. */
  key: string
  images: ImageRow[]
  files: Record<string, Remembered>
}

export interface PublishCheck extends Pick<CheckedContent, 'articles' | 'problems' | 'subjects'> {
  /** Files checked this run (the others came from the cache). */
  read: number
  /** Full drafts for `drafts` (stubs checked again); throws when a stub's file changed since the check. */
  full(drafts: readonly DraftArticle[]): DraftArticle[]
}

/** Files whose text decides what a check finds: this folder's code and the model's. */
function codePrint(): string {
  const hash = createHash('sha256')
  for (const rel of ['.', '../../model', '../publish/source-hash.ts', '../publish/draft-stub.ts']) {
    const at = fileURLToPath(new URL(rel, import.meta.url))
    const files = statSync(at).isDirectory()
      ? readdirSync(at)
          .filter((n) => n.endsWith('.ts'))
          .sort()
          .map((n) => path.join(at, n))
      : [at]
    for (const f of files) hash.update(f).update(readFileSync(f))
  }
  return hash.digest('hex')
}

/** The content hash of a file (as read-image.ts hashes images), or null when it cannot be read. */
function hashOfFile(file: string): string | null {
  try {
    return contentHash(readFileSync(file))
  } catch {
    return null
  }
}

/**
 * JSON with every character beyond ASCII escaped (`\u7da6`): the cache is read back as one-byte text, which V8
 * decodes and parses about three times faster than UTF-8 holding Chinese.
 */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u007f-\uffff]+/g, escapeRun)

const HEX = '0123456789abcdef'

/** A run of characters beyond ASCII as `\uXXXX` escapes (a run at a time: a title is one replacement, not twenty). */
function escapeRun(run: string): string {
  let out = ''
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i)
    out += `\\u${HEX[c >> 12]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`
  }
  return out
}

/** A cache file's text: read as one-byte text when it is ASCII (as this module writes it), else as UTF-8. */
function readText(file: string): string {
  const bytes = readFileSync(file)
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
}

/** The cache file with its log applied, and how many entries the log holds; empty when stale or unreadable. */
function readCache(file: string, key: string): Pick<CacheFile, 'images' | 'files'> & { logged: number } {
  let cache: CacheFile
  try {
    cache = JSON.parse(readText(file)) as CacheFile
  } catch {
    return { images: [], files: {}, logged: 0 }
  }
  if (cache.key !== key) return { images: [], files: {}, logged: 0 }
  let logged = 0
  let text = ''
  try {
    text = readText(`${file}.log`)
  } catch {}
  for (const raw of text.split('\n')) {
    let line: LogLine
    try {
      line = JSON.parse(raw) as LogLine
    } catch {
      continue // an empty or torn line (a run stopped while appending): its files are checked again
    }
    if (line.key !== key) continue
    for (const name of line.removed) delete cache.files[name]
    for (const [name, { rows, ...entry }] of Object.entries(line.files)) {
      cache.files[name] = { ...entry, images: rows.map((r) => cache.images.push(r) - 1) }
      logged++
    }
  }
  return { images: cache.images, files: cache.files, logged }
}

/** The image table a new cache file is written with. */
class ImageTable {
  readonly rows: ImageRow[] = []
  private readonly at = new Map<string, number>()
  add(row: ImageRow): number {
    let i = this.at.get(row[0])
    if (i === undefined) {
      i = this.rows.push(row) - 1
      this.at.set(row[0], i)
    }
    return i
  }
}

/** The check of `root` for publishing, kept in `cacheDir` (created when missing). */
export async function checkForPublish(
  root: string,
  cacheDir: string,
  /** Stamps of the tree's files taken before this check (the publish receipt's walk). */
  known?: KnownStamps,
): Promise<PublishCheck> {
  const stampOf = (file: string) => fileStamp(file, known)
  const dir = path.join(root, 'articles')
  const names = (() => {
    try {
      return readdirSync(dir)
    } catch {
      return null
    }
  })()
  const readImage = createImageReader(root)
  // No folder: checkContent's own problem says what to do.
  if (!names) return { ...(await checkContent(root, PUBLISH_ONLY)), read: 0, full: (d) => [...d] }
  const subjectFiles = ['topics.md', 'people.md'].map((n) => {
    try {
      return readFileSync(path.join(root, n))
    } catch {
      return Buffer.alloc(0)
    }
  })
  const key = createHash('sha256')
    .update(codePrint())
    .update(path.resolve(root))
    .update(subjectFiles[0] ?? '')
    .update('\0')
    .update(subjectFiles[1] ?? '')
    .digest('hex')
  const cacheFile = path.join(
    cacheDir,
    `check-${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16)}.json`,
  )
  const before = readCache(cacheFile, key)
  const { subjects } = readAllSubjects(root)
  const imageStamps = new Map<string, string | null>()
  const imageStamp = (src: string) => {
    let s = imageStamps.get(src)
    if (s === undefined) {
      s = stampOf(path.join(root, ...src.split('/')))
      imageStamps.set(src, s)
    }
    return s
  }
  // An image whose stat changed but whose bytes did not (copied again, touched) is the image it was: what a check
  // takes from an image (type, size, embedded metadata, hash) depends on its bytes alone.
  const sameImages = new Map<ImageRow, ImageRow | null>()
  let restamped = false
  const sameImage = (row: ImageRow | undefined): ImageRow | null => {
    if (!row) return null
    let same = sameImages.get(row)
    if (same === undefined) {
      const stamp = imageStamp(row[0])
      same =
        stamp === row[1]
          ? row
          : stamp !== null && hashOfFile(path.join(root, ...row[0].split('/'))) === row[2]
            ? [row[0], stamp, row[2]]
            : null
      sameImages.set(row, same)
      if (same && same !== row) restamped = true
    }
    return same
  }
  const table = new ImageTable()
  const after: Record<string, Remembered> = {}
  const results: FileCheck[] = []
  const rechecked: string[] = []
  let read = 0
  for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
    const stamp = stampOf(path.join(dir, name))
    const known = before.files[name]
    const rows = known?.images.map((i) => sameImage(before.images[i]))
    if (stamp && known?.stamp === stamp && rows?.every((r) => r !== null)) {
      const used = rows as ImageRow[]
      const stub = stubDraft(
        known.header,
        used.map((r) => r[2]),
      )
      rememberSourceHash(stub, known.source)
      results.push({ file: `articles/${name}`, problems: [], draft: stub, slug: known.slug, warnings: [] })
      after[name] = { ...known, images: used.map((r) => table.add(r)) }
      continue
    }
    read++
    rechecked.push(name)
    const check = checkArticleFile(root, name, readImage, PUBLISH_ONLY, subjects)
    results.push({ ...check, lines: undefined })
    const remembered =
      stamp && check.draft && check.slug ? remember(check.draft, check.slug, stamp, imageStamp, table) : null
    if (remembered) after[name] = remembered
  }
  const removed = Object.keys(before.files).filter((name) => !(name in after))
  if (read > 0 || restamped || removed.length > 0) {
    if (restamped || Object.keys(before.files).length === 0 || before.logged + read > LOG_ENTRIES)
      writeCache(cacheDir, cacheFile, { key, images: table.rows, files: after })
    else {
      // Only what this run checked again (or found gone) changed: a line appended to the log.
      const files: LogLine['files'] = {}
      for (const name of rechecked) {
        const entry = after[name]
        if (!entry) continue
        const { images, ...rest } = entry
        files[name] = { ...rest, rows: images.map((i) => table.rows[i] as ImageRow) }
      }
      appendLog(cacheDir, cacheFile, { key, files, removed })
    }
  }
  const checked = assembleCheck(root, results, PUBLISH_ONLY)
  return {
    articles: checked.articles,
    problems: checked.problems,
    subjects: checked.subjects,
    read,
    full: (drafts) => {
      const fresh = createImageReader(root)
      return drafts.map((d) => (isStub(d) ? fullDraft(root, d, fresh, subjects) : d))
    },
  }
}

function remember(
  draft: DraftArticle,
  slug: Field,
  stamp: string,
  imageStamp: (src: string) => string | null,
  table: ImageTable,
): Remembered | null {
  const images = new Map<string, string>()
  for (const p of [...draft.sections.flatMap((s) => s.photos), ...draft.photos])
    if (p.image.kind === 'file') images.set(p.image.path, p.image.hash)
  const rows: ImageRow[] = []
  for (const [src, hash] of images) {
    const s = imageStamp(src)
    if (s === null) return null
    rows.push([src, s, hash])
  }
  const { lede: _lede, sections: _sections, photos: _photos, ...header } = draft
  return { stamp, images: rows.map((r) => table.add(r)), slug, source: sourceHash(draft), header }
}

/** The file behind a stub checked again: the same source hash, or the file changed since (publish stops). */
function fullDraft(
  root: string,
  stub: DraftArticle,
  readImage: ReturnType<typeof createImageReader>,
  subjects: ReturnType<typeof readAllSubjects>['subjects'],
): DraftArticle {
  const name = stub.file.slice('articles/'.length)
  const check = checkArticleFile(root, name, readImage, PUBLISH_ONLY, subjects)
  if (!check.draft || sourceHash(check.draft) !== sourceHash(stub))
    throw new Error(
      `content/${stub.file} changed while publishing; publish again (what was written so far is consistent)`,
    )
  return check.draft
}

function writeCache(cacheDir: string, file: string, cache: CacheFile): void {
  const tmp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(cacheDir, { recursive: true })
    writeFileSync(tmp, asciiJson(cache))
    renameSync(tmp, file)
    // The new file holds everything the log said (a line another run appends meanwhile is lost: a re-check).
    rmSync(`${file}.log`, { force: true })
  } catch {
    // A cache that cannot be written costs the next publish a full check, nothing else.
    rmSync(tmp, { force: true })
  }
}

/** One line appended to the cache's log, in one write. */
function appendLog(cacheDir: string, file: string, line: LogLine): void {
  try {
    mkdirSync(cacheDir, { recursive: true })
    appendFileSync(`${file}.log`, `${asciiJson(line)}\n`)
  } catch {
    // As for the cache file: the next publish checks those files again.
  }
}
