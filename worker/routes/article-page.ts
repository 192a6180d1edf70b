/** `/articles/{slug}`: the article's HTML page (301 for a former slug, 410 once withdrawn). */
import { Redirect } from '../http/redirect.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { renderArticlePage } from '../render/render-article-page.ts'
import { liveArticle } from './live-article.ts'
import { slugParam } from './route-params.ts'
import { visibleArticle } from './visible.ts'

/** Renders from `v2:article:{slug}`; the body is rendered only on an edge-cache miss. */
export const articlePageRoute: RouteHandler = async ({ params, env, site, url, now }) => {
  const value = await liveArticle(env.CONTENT, slugParam(params), url, site.origin)
  if (value instanceof Redirect) return value
  visibleArticle(value, now)
  return {
    contentType: 'text/html; charset=utf-8',
    version: value.version,
    lastModified: value.article.updated,
    cache: 'page',
    render: () => renderArticlePage(value, site),
  }
}
