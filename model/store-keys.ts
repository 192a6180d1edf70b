/** The KV key layout (README "KV layout"), shared by the Worker's store and the editors' publish. */

/** Bump when a value's shape changes incompatibly: old and new Workers then read disjoint keys. */
export const KEY_PREFIX = 'v1:'

const ALL_PAGE_PREFIX = `${KEY_PREFIX}all:`

export const keys = {
  index: () => `${KEY_PREFIX}index`,
  article: (slug: string) => `${KEY_PREFIX}article:${slug}`,
  allPage: (page: number) => `${ALL_PAGE_PREFIX}${page}`,
  /** What every page of "all" starts with (publish tells from it whether the "all" feeds changed). */
  allPagePrefix: () => ALL_PAGE_PREFIX,
  /** `name` is `<sha256 hex, 32 chars>.<ext>`: content-addressed, so a value under it never changes. */
  media: (name: string) => `${KEY_PREFIX}media:${name}`,
  /** The publisher's own bookkeeping (section hashes and times); the Worker never reads it. */
  publishState: () => `${KEY_PREFIX}publish-state`,
} as const
