/**
 * How the OPML lists are paged: each page lists up to `OPML_SUBJECTS` topics and as many people, a slice of one
 * directory page each, so that a page stays far below 200 KB whatever the number of subjects.
 */
import { DIRECTORY_PAGE_SIZE } from './store-values.ts'

/**
 * Topics (and people) an OPML page lists: a quarter of a directory page. About 200 B of outline a subject with
 * typical names (25 KB a kind), and still below 200 KB a page with 30-character names, 40-character ids and the
 * newest 99 articles titled in 60 characters.
 */
export const OPML_SUBJECTS = 125

/** The entries of one directory page that OPML page `page` (from 1) lists: `entries.slice(start, end)`. */
export interface OpmlSlice {
  directoryPage: number
  start: number
  end: number
}

/** Which directory page, and which of its entries, OPML page `page` lists (the same for topics and people). */
export function opmlSlice(page: number): OpmlSlice {
  const first = (page - 1) * OPML_SUBJECTS
  const start = first % DIRECTORY_PAGE_SIZE
  return { directoryPage: Math.floor(first / DIRECTORY_PAGE_SIZE) + 1, start, end: start + OPML_SUBJECTS }
}
