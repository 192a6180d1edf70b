/** The identity of an article as the editor wrote it: equal hashes mean publish has nothing to do for it. */
import type { DraftArticle } from '../content/draft.ts'
import { contentHash } from './content-hash.ts'

/** Bump when publish builds different values from the same drafts: every article is then rebuilt once. */
const BUILD_VERSION = 'build-3'

/**
 * Hash of everything in the checked draft (text, photos by their file's content hash, aliases, withdrawal), not
 * of its file name, and computed before photos are rendered (renditions follow from the file). Stored as
 * `metadata.s` of the article key, so a listing alone tells what changed.
 */
export function sourceHash(draft: DraftArticle): string {
  let hash = hashes.get(draft)
  if (hash === undefined) {
    hash = hashOf(draft)
    hashes.set(draft, hash)
  }
  return hash
}

/** Records the hash of a draft computed earlier (a stub of an unchanged file, editor/publish/draft-stub.ts). */
export function rememberSourceHash(draft: DraftArticle, hash: string): void {
  hashes.set(draft, hash)
}

/** Per checked draft (drafts are never changed once checked): the preview re-hashes only the files a save touched. */
const hashes = new WeakMap<DraftArticle, string>()

function hashOf(draft: DraftArticle): string {
  const json = JSON.stringify(draft, (key, value: unknown) =>
    key === 'file' || value instanceof Uint8Array ? undefined : value,
  )
  return contentHash(`${BUILD_VERSION}\n${json}`)
}

/** The `metadata.s` of an alias key: which article it points to. */
export const movedSource = (to: string): string => `moved:${to}`
