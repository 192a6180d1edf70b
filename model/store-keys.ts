/** The KV key layout (docs/operators.md "KV layout"): the only place a key or its version prefix is written. */

import type { EditionName } from './edition.ts'
import { SUBJECT_PATHS, type SubjectKind } from './subject.ts'

/** Bump when a value's shape changes incompatibly: old and new Workers then read disjoint keys. */
export const KEY_PREFIX = 'v2:'
/** The previous layout's prefix: publish removes those keys only when asked (`--drop-v1`, docs/operators.md "Upgrades"). */
export const LEGACY_PREFIX = 'v1:'

export const keys = {
  /** An article, or what became of its slug: withdrawn (410) or moved to another slug (301). */
  article: (slug: string) => `${KEY_PREFIX}article:${slug}`,
  /** Every article key starts so: publish lists them (with metadata) to see what changed. */
  articlePrefix: () => `${KEY_PREFIX}article:`,
  /** The publisher's copy of an article's history (stamps, positions); the Worker never reads it. */
  history: (slug: string) => `${KEY_PREFIX}history:${slug}`,
  /** `name` is `<sha256 hex, 32 chars>.<ext>`: content-addressed, so a value under it never changes. */
  media: (name: string) => `${KEY_PREFIX}media:${name}`,
  /** The "all" feed's subscription document: the newest items (RFC 5005 "current"). */
  feedHead: () => `${KEY_PREFIX}feed:head`,
  /** Complete archive page N of the "all" feed, numbered from the oldest (RFC 5005 archive document). */
  feedArchive: (page: number) => `${KEY_PREFIX}feed:archive:${page}`,
  /** The home page and OPML: the newest articles. */
  indexHead: () => `${KEY_PREFIX}index:head`,
  /** Complete page N of the article list, numbered from the oldest (`/?page=N`). */
  indexPage: (page: number) => `${KEY_PREFIX}index:${page}`,
  /** Sitemap part N: the articles of the article list's page N, with their section pages and photos. */
  sitemapPart: (page: number) => `${KEY_PREFIX}sitemap:${page}`,
  /** The sitemap index: every part's count and time, and the recent articles for the news sitemap. */
  sitemapIndex: () => `${KEY_PREFIX}sitemap:index`,
  /**
   * A topic's or person's feed log, as the "all" feed's: the subscription document (`v2:topic:{id}:feed:head`,
   * `v2:person:{id}:feed:head`) with the subject's name.
   */
  subjectFeedHead: (kind: SubjectKind, id: string) => `${KEY_PREFIX}${kind}:${id}:feed:head`,
  /** Complete archive page N of a topic's or person's feed, numbered from the oldest. */
  subjectFeedArchive: (kind: SubjectKind, id: string, page: number) =>
    `${KEY_PREFIX}${kind}:${id}:feed:archive:${page}`,
  /** Page N (from 1) of the topic list (`v2:directory:topics:{N}`) or the people list (`v2:directory:people:{N}`). */
  directoryPage: (kind: SubjectKind, page: number) => `${KEY_PREFIX}directory:${SUBJECT_PATHS[kind]}:${page}`,
  /** Every directory page starts so: publish lists them once (with their metadata) to see what changed. */
  directoryPrefix: () => `${KEY_PREFIX}directory:`,
  /** Who is publishing now, until when: a second publish stops while it is held. */
  lease: () => `${KEY_PREFIX}lease`,
  /**
   * Every key of the Traditional (zh-TW) edition starts so: `v2:zh-tw:article:{slug}`, `v2:zh-tw:feed:head`… Each
   * edition value is the Simplified value under the same key, converted by publish (`editionKey`).
   */
  hantPrefix: () => `${KEY_PREFIX}${HANT_INFIX}`,
} as const

const HANT_INFIX = 'zh-tw:'

/**
 * Keys every edition shares (media: the same photo bytes) or that only publish reads (histories, the lease): the
 * Traditional edition has no key of its own for them.
 */
export function isSharedKey(key: string): boolean {
  return (
    key.startsWith(keys.media('')) ||
    key.startsWith(keys.history('')) ||
    key === keys.lease() ||
    key.startsWith(keys.hantPrefix())
  )
}

/** The key of a value in an edition: `v2:{rest}` in the original, `v2:zh-tw:{rest}` in the Traditional edition. */
export function editionKey(key: string, edition: EditionName): string {
  if (edition === 'hans' || isSharedKey(key) || !key.startsWith(KEY_PREFIX)) return key
  return `${keys.hantPrefix()}${key.slice(KEY_PREFIX.length)}`
}

/** The original's key of a Traditional edition's key (`v2:zh-tw:feed:head` → `v2:feed:head`). */
export const originalKey = (key: string): string =>
  key.startsWith(keys.hantPrefix()) ? `${KEY_PREFIX}${key.slice(keys.hantPrefix().length)}` : key

/** The topic or person whose feed head `key` is (an original's key: `v2:topic:{id}:feed:head`), else null. */
export function subjectOfFeedHeadKey(key: string): { kind: SubjectKind; id: string } | null {
  const [kind, id, ...rest] = key.slice(KEY_PREFIX.length).split(':')
  if (!key.startsWith(KEY_PREFIX) || (kind !== 'topic' && kind !== 'person') || id === undefined) return null
  return keys.subjectFeedHead(kind, id) === key && rest.length === 2 ? { kind, id } : null
}

/** The slug of an article key listed under `keys.articlePrefix()`. */
export const slugOfArticleKey = (key: string): string => key.slice(keys.articlePrefix().length)
