/** `/articles/{slug}/{section-id}`: one feed item's own page (a section, or `photos` for the gallery). */
import { articleItems } from '../../model/article-items.ts'
import { Redirect } from '../http/redirect.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { renderSectionPage } from '../render/render-section-page.ts'
import { liveArticle } from './live-article.ts'
import { slugParam } from './route-params.ts'
import { visibleArticle } from './visible.ts'

/** Reads `v2:article:{slug}` (one KV read) and renders the item whose id is in the path; any other id is 404. */
export const sectionPageRoute: RouteHandler = async ({ params, env, site, url, now }) => {
  const slug = slugParam(params)
  const sectionId = slugParam(params, 'section')
  const value = await liveArticle(env.CONTENT, slug, url, site.origin)
  if (value instanceof Redirect) return value
  visibleArticle(value, now)
  // A renamed section's former id (`was=`) answers 301 to its id now.
  const renamed = value.article.sections.find((s) => s.was?.includes(sectionId))
  if (renamed) return new Redirect(`${site.baseUrl}/articles/${slug}/${renamed.id}`)
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
