/**
 * The sitemaps as crawlers may see them at the request's time: embargoed articles appear at their time (no publish
 * needed), and the news sitemap holds exactly the articles first published in the last 48 hours. Each served
 * state has its own version, so validators change the moment the set changes.
 */
import { embargoView, isPublishedBy, servedVersion } from '../../model/embargo.ts'
import { newest } from '../../model/newest.ts'
import {
  NEWS_WINDOW_MS,
  type NewsArticle,
  type SitemapArticle,
  type SitemapIndexValue,
  type SitemapPartValue,
} from '../../model/sitemap-values.ts'
import type { DirectoryPageValue } from '../../model/store-values.ts'
import type { Visible } from './visible.ts'

/** A sitemap's entries as served now, with the version and Last-Modified they are served under. */
export interface ServedList<T> {
  version: string
  updated: string | null
  entries: T[]
}

/** A part's articles without the embargoed ones. */
export function visiblePart(part: SitemapPartValue, now: number): Visible<ServedList<SitemapArticle>> {
  const { visible, hidden, nextLift } = embargoView(part.articles, (a) => a.published, now)
  const value = {
    version: servedVersion(part.version, hidden),
    updated: newest(visible.map((a) => a.updated)) ?? null,
    entries: visible,
  }
  return { value, ...(nextLift === undefined ? {} : { freshUntil: nextLift }) }
}

/**
 * The news articles of the window (now − 48 h, now], newest first, all of them (the news sitemap's parts split
 * them, news-sitemap-parts.ts). The stored list is newest first, so the served set is a run of it: its start and
 * length name it (the version's suffix).
 */
export function visibleNews(index: SitemapIndexValue, now: number): Visible<ServedList<NewsArticle>> {
  const since = now - NEWS_WINDOW_MS
  const start = index.news.findIndex((a) => isPublishedBy(a.published, now))
  const run = start < 0 ? [] : index.news.slice(start)
  const entries = run.filter((a) => Date.parse(a.published) > since)
  // The list changes when the next embargo lifts, or when its oldest article leaves the window.
  const lifts = index.news.map((a) => Date.parse(a.published)).filter((t) => t > now)
  const leaves = entries.map((a) => Date.parse(a.published) + NEWS_WINDOW_MS)
  const changes = [...lifts, ...leaves]
  const value = {
    version: `${index.version}-n${Math.max(start, 0)}-${entries.length}`,
    updated: entries[0]?.published ?? null,
    entries,
  }
  return { value, ...(changes.length === 0 ? {} : { freshUntil: Math.min(...changes) }) }
}

/** A part of the index as listed now: its page and newest time, or null while it shows no article. */
export interface ListedPart {
  page: number
  piece: number
  lastmod: string | null
}

/** The parts' pieces that show at least one article now, each with the newest time of what it shows. */
export function visibleParts(index: SitemapIndexValue, now: number): Visible<ServedList<ListedPart>> {
  let hidden = 0
  let nextLift: number | undefined
  const entries = index.parts.flatMap((p) => {
    const lifted = p.scheduled.filter((s) => isPublishedBy(s.published, now))
    const waiting = p.scheduled.length - lifted.length
    hidden += waiting
    for (const s of p.scheduled) {
      const t = Date.parse(s.published)
      if (t > now && (nextLift === undefined || t < nextLift)) nextLift = t
    }
    if (p.count - waiting <= 0) return []
    const times = [...(p.updated === null ? [] : [p.updated]), ...lifted.map((s) => s.updated)]
    return [{ page: p.page, piece: p.piece, lastmod: newest(times) ?? null }]
  })
  const value = {
    version: servedVersion(index.version, hidden),
    updated: newest(entries.flatMap((e) => (e.lastmod === null ? [] : [e.lastmod]))) ?? null,
    entries,
  }
  return { value, ...(nextLift === undefined ? {} : { freshUntil: nextLift }) }
}

/** A directory page's subjects as listed now: times still ahead are left out until they come. */
export function visibleDirectory(
  dir: DirectoryPageValue,
  now: number,
): Visible<ServedList<{ id: string; lastmod?: string }>> {
  const ahead = dir.entries.flatMap((e) =>
    e.updated !== null && Date.parse(e.updated) > now ? [Date.parse(e.updated)] : [],
  )
  const entries = dir.entries.map((e) => ({
    id: e.id,
    ...(e.updated !== null && Date.parse(e.updated) <= now ? { lastmod: e.updated } : {}),
  }))
  const value = {
    version: ahead.length === 0 ? dir.version : `${dir.version}-e${ahead.length}`,
    updated: newest(entries.flatMap((e) => (e.lastmod ? [e.lastmod] : []))) ?? null,
    entries,
  }
  return { value, ...(ahead.length === 0 ? {} : { freshUntil: Math.min(...ahead) }) }
}
