/**
 * A stub draft stands for an article file that has not changed since publish last checked it (the check cache,
 * editor/content/check-cache.ts): its header, aliases and withdrawal as they were, no text, and what publish asks
 * of every unchanged article (its source hash, the photo files it uses). Publish builds only full drafts: it asks
 * the check for the full draft of every stub it is about to build.
 */
import type { DraftArticle } from '../content/draft.ts'

/** The photo files (content hashes) each stub's article uses. */
const stubs = new WeakMap<DraftArticle, readonly string[]>()

/** A stub of `header` (everything but text and photos) using the photo files `photos`. */
export function stubDraft(
  header: Omit<DraftArticle, 'lede' | 'sections' | 'photos'>,
  photos: readonly string[],
): DraftArticle {
  const stub: DraftArticle = { ...header, lede: [], sections: [], photos: [] }
  stubs.set(stub, photos)
  return stub
}

/** The photo files a stub's article uses; undefined for a full draft. */
export const stubPhotos = (d: DraftArticle): readonly string[] | undefined => stubs.get(d)

export const isStub = (d: DraftArticle): boolean => stubs.has(d)
