/** `/articles/{slug}`: the article's HTML page. */
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { renderArticlePage } from '../render/render-article-page.ts'
import { readArticle } from '../store.ts'
import { slugParam } from './route-params.ts'

/** Renders from `v1:article:{slug}`; the body is rendered only on an edge-cache miss. */
export const articlePageRoute: RouteHandler = async ({ params, env, site }) => {
  const value = await readArticle(env.CONTENT, slugParam(params))
  if (value === null) throw notFound()
  return {
    contentType: 'text/html; charset=utf-8',
    version: value.version,
    lastModified: value.article.updated,
    cache: 'page',
    render: () => renderArticlePage(value, site),
  }
}
