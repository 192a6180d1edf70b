/** One page of the article list as the home page and the OPML render it. */
import type { ArticleSummary, IndexEntry, TopicLink } from '../../model/store-values.ts'

export interface ArticleListPage {
  version: string
  updated: string | null
  /** null: the newest articles (`/`); N: complete page N (`/?page=N`, 1 = the oldest). */
  page: number | null
  /** Number of complete pages. */
  pages: number
  /** Newest first. */
  articles: ArticleSummary[]
  /** The topics the home page lists (from the list's head). */
  topics?: readonly TopicLink[]
}

/** The list page of stored entries (oldest first). */
export function articleListPage(
  value: {
    version: string
    updated: string | null
    articles: readonly IndexEntry[]
    topics?: readonly TopicLink[]
  } | null,
  page: number | null,
  pages: number,
): ArticleListPage {
  return {
    version: value?.version ?? 'empty',
    updated: value?.updated ?? null,
    page,
    pages,
    articles: [...(value?.articles ?? [])].reverse(),
    ...(value?.topics ? { topics: value.topics } : {}),
  }
}

/** `/?page=N` of the older and newer neighbours; null where there is none. */
export function listNeighbours(p: ArticleListPage): { older: number | null; newer: number | null | 'head' } {
  // The head shows page `pages` too (it keeps the newest complete page), so its older neighbour is the one before.
  if (p.page === null) return { older: p.pages >= 2 ? p.pages - 1 : null, newer: null }
  return { older: p.page > 1 ? p.page - 1 : null, newer: p.page + 1 < p.pages ? p.page + 1 : 'head' }
}
