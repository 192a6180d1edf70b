/**
 * `/sitemap.xml` (the index), `/sitemaps/articles-{N}.xml` (article and section pages) and the Google News
 * sitemap's parts (`/sitemaps/news.xml`, `/sitemaps/news-{N}.xml`): one KV read each, filtered by the request's
 * clock (visible-sitemaps.ts).
 */
import { articleSitemapUrl, newsSitemapUrl, subjectSitemapUrl } from '../../model/feed-urls.ts'
import { newest } from '../../model/newest.ts'
import { sitemapPieces } from '../../model/sitemap-pieces.ts'
import { SUBJECT_KINDS } from '../../model/subject.ts'
import type { Representation } from '../http/representation.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { newsSitemapParts } from '../render/news-sitemap-parts.ts'
import { renderNewsSitemap } from '../render/render-news-sitemap.ts'
import { renderSitemap } from '../render/render-sitemap.ts'
import { type ListedSitemap, renderSitemapIndex } from '../render/render-sitemap-index.ts'
import { readDirectoryPage, readSitemapIndex, readSitemapPart } from '../store.ts'
import type { Visible } from './visible.ts'
import {
  type ServedList,
  visibleDirectory,
  visibleNews,
  visiblePart,
  visibleParts,
} from './visible-sitemaps.ts'

/** On Cloudflare's compression list (TOOLCHAIN.md), so its front end decodes for clients that take no gzip. */
const XML = 'application/xml; charset=utf-8'

/** A sitemap of an empty site: no publish has written the index yet. */
const NOTHING = { version: 'empty', parts: [], news: [] }

/** The representation of a served list, rendered only when needed. */
export function sitemapReply<T>(
  seen: Visible<ServedList<T>>,
  render: (entries: T[]) => string,
): Omit<Representation, 'body'> & { render: () => string } {
  const { value, freshUntil } = seen
  return {
    ...(freshUntil === undefined ? {} : { freshUntil }),
    contentType: XML,
    version: value.version,
    ...(value.updated === null ? {} : { lastModified: value.updated }),
    cache: 'feed',
    render: () => render(value.entries),
  }
}

/**
 * The sitemap index: each part that shows an article now, each part of the news sitemap while it lists any, the
 * lists' parts.
 */
export const sitemapIndexRoute: RouteHandler = async ({ env, site, now }) => {
  // Three reads, not one: the lists' first pages say how many pages each list has (a crawler's request, not a reader's).
  const [stored, ...dirs] = await Promise.all([
    readSitemapIndex(env.CONTENT),
    ...SUBJECT_KINDS.map((kind) => readDirectoryPage(env.CONTENT, kind, 1)),
  ])
  const index = stored ?? NOTHING
  const parts = visibleParts(index, now)
  const news = visibleNews(index, now)
  const lists = SUBJECT_KINDS.flatMap((kind, i) => {
    const dir = dirs[i]
    return dir ? [{ kind, pages: dir.pages, seen: visibleDirectory(dir, now) }] : []
  })
  const changes = [parts.freshUntil, news.freshUntil, ...lists.map((l) => l.seen.freshUntil)].filter(
    (t): t is number => t !== undefined,
  )
  const all = {
    value: {
      ...parts.value,
      version: [parts.value.version, news.value.version, ...lists.map((l) => l.seen.value.version)].join('|'),
      updated:
        newest(
          [parts.value.updated, ...lists.map((l) => l.seen.value.updated)].flatMap((t) => (t ? [t] : [])),
        ) ?? null,
    },
    ...(changes.length === 0 ? {} : { freshUntil: Math.min(...changes) }),
  }
  return sitemapReply(all, (entries) => {
    const listed: ListedSitemap[] = entries.map((p) => ({
      loc: articleSitemapUrl(site.baseUrl, p.page, p.piece),
      ...(p.lastmod === null ? {} : { lastmod: p.lastmod }),
    }))
    if (news.value.entries.length > 0)
      newsSitemapParts(news.value.entries, site).forEach((part, i) => {
        // Newest first: a part's newest time is its first article's.
        const newestOfPart = part[0]?.published
        listed.push({
          loc: newsSitemapUrl(site.baseUrl, i + 1),
          ...(newestOfPart ? { lastmod: newestOfPart } : {}),
        })
      })
    for (const { kind, pages, seen } of lists)
      for (let page = 1; page <= pages; page++) {
        // Only the first page's time is known here; the others' times are in their own sitemaps.
        const lastmod = page === 1 ? seen.value.updated : null
        listed.push({ loc: subjectSitemapUrl(site.baseUrl, kind, page), ...(lastmod ? { lastmod } : {}) })
      }
    return renderSitemapIndex(listed)
  })
}

/** The part N of `articles-N`, `topics-N`, `people-N` (from 1); anything else is 404, never a KV read. */
export function partParam(value: string | undefined): number {
  if (value === undefined || !/^[1-9][0-9]{0,6}$/.test(value)) throw notFound()
  return Number(value)
}

/** `N` (piece 1) or `N-K` (K ≥ 2) of `articles-N.xml`, `articles-N-K.xml`; anything else is 404, never a KV read. */
function pieceParam(value: string | undefined): { page: number; piece: number } {
  const [page, piece, ...rest] = (value ?? '').split('-')
  if (rest.length > 0 || (piece !== undefined && partParam(piece) === 1)) throw notFound()
  return { page: partParam(page), piece: piece === undefined ? 1 : partParam(piece) }
}

/**
 * One piece of a part: the pages of the articles on the article list's page N that are visible now, cut as publish
 * cut them for the index (sitemap-pieces.ts), so each piece stays within 200 KB.
 */
export const articleSitemapRoute: RouteHandler = async ({ env, site, params, now }) => {
  const { page, piece } = pieceParam(params.page)
  const part = await readSitemapPart(env.CONTENT, page)
  const articles = part === null ? undefined : sitemapPieces(part.articles)[piece - 1]
  if (part === null || articles === undefined) throw notFound()
  return sitemapReply(visiblePart({ ...part, articles }, now), (entries) => renderSitemap(entries, site))
}

/**
 * Part N of the Google News sitemap: `news.xml` is part 1, `news-{N}.xml` (N ≥ 2) the parts after it while the
 * window's articles fill them, 404 otherwise. While no article is recent, `news.xml` still answers 200 with an empty
 * list (a URL given to a search console keeps answering), and the index leaves it out.
 */
export const newsSitemapRoute: RouteHandler = async ({ env, site, params, now }) => {
  const part = params.page === undefined ? 1 : partParam(params.page)
  if (part === 1 && params.page !== undefined) throw notFound()
  const index = (await readSitemapIndex(env.CONTENT)) ?? NOTHING
  const seen = visibleNews(index, now)
  const parts = newsSitemapParts(seen.value.entries, site)
  const entries = parts[part - 1]
  if (entries === undefined) throw notFound()
  const value = { ...seen.value, updated: entries[0]?.published ?? null, entries }
  return sitemapReply({ ...seen, value }, (list) => renderNewsSitemap(list, site))
}
