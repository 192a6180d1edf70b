/**
 * The preview's check of the content tree, kept between saves: after a save, only the files under articles/ whose
 * size, time or inode changed are checked again (then the checks across files: one slug, one file), so a save
 * costs one file's check, not the tree's. The names the file watcher reports are not trusted for that (a save by
 * rename is reported under the temporary name); a change anywhere else (a photo, a folder, a path the system did
 * not name) re-checks every file with fresh image reads. The answer is what checkContent gives for the tree now.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { assembleCheck, checkArticleFile, checkContent, type FileCheck } from '../content/check-content.ts'
import type { DraftArticle, Problem } from '../content/draft.ts'
import { createImageReader } from '../content/read-image.ts'
import type { SubjectDefs } from '../content/subjects.ts'

export interface CheckedContent {
  articles: DraftArticle[]
  problems: Problem[]
  subjects: SubjectDefs
}

const PUBLISH_ONLY = { warnings: false }

export function contentChecker(root: string) {
  const dir = path.join(root, 'articles')
  /** Per file name: what its stat said when it was checked, and the check. */
  let files = new Map<string, { stamp: string; check: FileCheck }>()
  let readImage = createImageReader(root)

  /** Checks again the files whose stat changed (all of them after `fresh`), drops the removed ones. */
  function scan(fresh: boolean): CheckedContent {
    if (fresh) {
      readImage = createImageReader(root)
      files = new Map()
    }
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort()
    const next = new Map<string, { stamp: string; check: FileCheck }>()
    for (const name of names) {
      const st = statSync(path.join(dir, name), { throwIfNoEntry: false })
      const stamp = st ? `${st.ino}:${st.size}:${st.mtimeMs}` : ''
      const known = files.get(name)
      next.set(
        name,
        known && known.stamp === stamp
          ? known
          : { stamp, check: checkArticleFile(root, name, readImage, PUBLISH_ONLY) },
      )
    }
    files = next
    return assembleCheck(
      root,
      [...files.values()].map((f) => f.check),
      PUBLISH_ONLY,
    )
  }

  /** The tree checked after `changed` (paths relative to root, as the watcher named them; null: unknown). */
  async function check(changed: ReadonlySet<string> | null): Promise<CheckedContent> {
    // No folder: checkContent's own problem says what to do.
    if (!existsSync(dir)) {
      files = new Map()
      return checkContent(root, PUBLISH_ONLY)
    }
    const elsewhere = changed === null || [...changed].some((p) => !p.startsWith('articles/'))
    return scan(files.size === 0 || elsewhere)
  }

  return { check }
}
