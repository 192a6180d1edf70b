/** `/articles/{slug}/{section-id}`: one feed item's own page (a section, or `photos` for the gallery). */
import { articleItems } from '../../model/article-items.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { renderSectionPage } from '../render/render-section-page.ts'
import { readArticle } from '../store.ts'
import { slugParam } from './route-params.ts'

/** Reads `v1:article:{slug}` (one KV read) and renders the item whose id is in the path; any other id is 404. */
export const sectionPageRoute: RouteHandler = async ({ params, env, site }) => {
  const slug = slugParam(params)
  const sectionId = slugParam(params, 'section')
  const value = await readArticle(env.CONTENT, slug)
  if (value === null) throw notFound()
  const item = articleItems(value.article).find((i) => i.id === sectionId)
  if (item === undefined) throw notFound()
  return {
    contentType: 'text/html; charset=utf-8',
    version: `${value.version}|${sectionId}`,
    lastModified: value.article.updated,
    cache: 'page',
    render: () => renderSectionPage(value, item, site),
  }
}
