/**
 * `/sitemap.xml` (the index), `/sitemaps/articles-{N}.xml` (article and section pages) and `/sitemaps/news.xml`
 * (Google News): one KV read each, filtered by the request's clock (visible-sitemaps.ts).
 */
import { articleSitemapUrl, newsSitemapUrl } from '../../model/feed-urls.ts'
import type { Representation } from '../http/representation.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { renderNewsSitemap } from '../render/render-news-sitemap.ts'
import { renderSitemap } from '../render/render-sitemap.ts'
import { type ListedSitemap, renderSitemapIndex } from '../render/render-sitemap-index.ts'
import { readSitemapIndex, readSitemapPart } from '../store.ts'
import type { Visible } from './visible.ts'
import { type ServedList, visibleNews, visiblePart, visibleParts } from './visible-sitemaps.ts'

/** On Cloudflare's compression list (TOOLCHAIN.md), so its front end decodes for clients that take no gzip. */
const XML = 'application/xml; charset=utf-8'

/** A sitemap of an empty site: no publish has written the index yet. */
const NOTHING = { version: 'empty', parts: [], news: [] }

/** The representation of a served list, rendered only when needed. */
function sitemapReply<T>(
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

/** The sitemap index: each part that shows an article now, and the news sitemap while it lists any. */
export const sitemapIndexRoute: RouteHandler = async ({ env, site, now }) => {
  const index = (await readSitemapIndex(env.CONTENT)) ?? NOTHING
  const parts = visibleParts(index, now)
  const news = visibleNews(index, now)
  const both = {
    value: {
      ...parts.value,
      version: `${parts.value.version}|${news.value.version}`,
    },
    ...(parts.freshUntil === undefined && news.freshUntil === undefined
      ? {}
      : { freshUntil: Math.min(parts.freshUntil ?? Infinity, news.freshUntil ?? Infinity) }),
  }
  return sitemapReply(both, (entries) => {
    const listed: ListedSitemap[] = entries.map((p) => ({
      loc: articleSitemapUrl(site.baseUrl, p.page),
      ...(p.lastmod === null ? {} : { lastmod: p.lastmod }),
    }))
    const newest = news.value.entries[0]
    if (newest) listed.push({ loc: newsSitemapUrl(site.baseUrl), lastmod: newest.published })
    return renderSitemapIndex(listed)
  })
}

/** The part N of `articles-N` (1 = the oldest articles); anything else is 404, never a KV read. */
function partParam(value: string | undefined): number {
  if (value === undefined || !/^[1-9][0-9]{0,6}$/.test(value)) throw notFound()
  return Number(value)
}

/** One part: the pages of the articles on the article list's page N that are visible now. */
export const articleSitemapRoute: RouteHandler = async ({ env, site, params, now }) => {
  const page = partParam(params.page)
  const part = await readSitemapPart(env.CONTENT, page)
  if (part === null) throw notFound()
  return sitemapReply(visiblePart(part, now), (entries) => renderSitemap(entries, site))
}

/**
 * The Google News sitemap. While no article is recent it still answers 200 with an empty list (a URL given to a
 * search console keeps answering), and the index leaves it out.
 */
export const newsSitemapRoute: RouteHandler = async ({ env, site, now }) => {
  const index = (await readSitemapIndex(env.CONTENT)) ?? NOTHING
  return sitemapReply(visibleNews(index, now), (entries) => renderNewsSitemap(entries, site))
}
