/** `/articles/{slug}`: the article's HTML page. */
import type { RouteHandler } from '../http/route-handler.ts'
import { renderArticlePage } from '../render/render-article-page.ts'
import { readArticle } from '../store.ts'
import { slugParam } from './route-params.ts'
import { visibleArticle } from './visible.ts'

/** Renders from `v1:article:{slug}`; the body is rendered only on an edge-cache miss. */
export const articlePageRoute: RouteHandler = async ({ params, env, site, now }) => {
  const value = visibleArticle(await readArticle(env.CONTENT, slugParam(params)), now)
  return {
    contentType: 'text/html; charset=utf-8',
    version: value.version,
    lastModified: value.article.updated,
    cache: 'page',
    render: () => renderArticlePage(value, site),
  }
}
