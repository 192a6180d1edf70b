/** `/` lists the newest articles (`v2:index:head`); `/?page=N` a complete older page. */
import { siteHomeUrl } from '../../model/feed-urls.ts'
import { Redirect } from '../http/redirect.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { type ArticleListPage, articleListPage } from '../render/article-list-page.ts'
import { renderHomePage } from '../render/render-home-page.ts'
import { readIndexHead, readIndexPage } from '../store.ts'
import { visibleIndex } from './visible.ts'

/** `?page=N` (1 = the oldest complete page), or null for the newest articles; other queries are ignored. */
function listPageParam(url: URL): number | null {
  const values = url.searchParams.getAll('page')
  if (values.length === 0) return null
  const [value] = values
  if (values.length > 1 || value === undefined || !/^[1-9][0-9]{0,6}$/.test(value)) throw notFound()
  return Number(value)
}

async function newestArticles(kv: KVNamespace): Promise<ArticleListPage> {
  const head = await readIndexHead(kv)
  return articleListPage(head, null, head?.pages ?? 0)
}

/** The home page. */
export const homePageRoute: RouteHandler = async ({ env, site, url, now }) => {
  const page = listPageParam(url)
  let list: ArticleListPage
  if (page === null) list = await newestArticles(env.CONTENT)
  else {
    const value = await readIndexPage(env.CONTENT, page)
    if (value === null) throw notFound()
    // A stored page does not know how many pages follow it; every page after it links on to the next.
    list = articleListPage(value, page, page + 2)
  }
  const seen = visibleIndex(list, now)
  list = seen.value
  return {
    ...(seen.freshUntil === undefined ? {} : { freshUntil: seen.freshUntil }),
    contentType: 'text/html; charset=utf-8',
    version: list.version,
    ...(list.updated ? { lastModified: list.updated } : {}),
    cache: 'page',
    render: () => renderHomePage(list, site),
  }
}

/** `/zh-tw`: 301 to the Traditional edition's home page, `/zh-tw/` (which this row also matches, and serves). */
export const editionHomeRedirect: RouteHandler = (context) =>
  context.url.pathname.endsWith('/')
    ? homePageRoute(context)
    : new Redirect(siteHomeUrl(context.site.baseUrl))
