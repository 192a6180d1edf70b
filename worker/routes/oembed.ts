/** `/oembed?url=ARTICLE_URL&format=json`: oEmbed 1.0 for article and section URLs on this site. */
import { articleItems } from '../../model/article-items.ts'
import { isPublishedBy } from '../../model/embargo.ts'
import { SLUG } from '../../model/parse-article.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound, StatusError } from '../http/status-error.ts'
import { type EmbedBounds, renderOembed } from '../render/render-oembed.ts'
import type { SiteConfig } from '../site-config.ts'
import { readArticle } from '../store.ts'

/**
 * The slug (and section id) of an article or section URL of this site (`{base}/articles/{slug}` or
 * `{base}/articles/{slug}/{section-id}`, any fragment or query), else null.
 */
function articlePath(raw: string, site: SiteConfig): { slug: string; sectionId?: string } | null {
  if (!URL.canParse(raw)) return null
  const url = new URL(raw)
  const base = new URL(site.baseUrl)
  if (url.origin !== base.origin) return null
  const m = /^\/articles\/([^/]+)(?:\/([^/]+))?$/.exec(url.pathname)
  const [, slug, sectionId] = m ?? []
  if (slug === undefined || !SLUG.test(slug)) return null
  if (sectionId === undefined) return { slug }
  return SLUG.test(sectionId) ? { slug, sectionId } : null
}

function positiveInt(value: string | null): number | undefined {
  return value !== null && /^[1-9][0-9]{0,4}$/.test(value) ? Number(value) : undefined
}

/** Answers JSON only (any other format → 501 as the spec asks); unknown or foreign URLs → 404. */
export const oembedRoute: RouteHandler = async ({ url, env, site, now }) => {
  const q = url.searchParams
  const format = q.get('format') ?? 'json'
  // oEmbed 1.0 §2.3.4: a format the provider cannot return is 501, whatever it is.
  if (format !== 'json') throw new StatusError(501, 'Not Implemented', 'Only format=json is supported.')
  const target = q.get('url')
  if (target === null) throw new StatusError(400, 'Bad Request', 'The url parameter is required.')
  const path = articlePath(target, site)
  if (path === null) throw notFound('No article of this site has that URL.')
  const stored = await readArticle(env.CONTENT, path.slug)
  if (stored?.kind === 'gone') throw new StatusError(410, 'Gone', 'That article was withdrawn.')
  if (stored?.kind !== 'article') throw notFound('No article of this site has that URL.')
  if (!isPublishedBy(stored.value.article.published, now))
    throw notFound('No article of this site has that URL.')
  const value = stored.value
  const item =
    path.sectionId === undefined
      ? undefined
      : articleItems(value.article).find((i) => i.id === path.sectionId)
  if (path.sectionId !== undefined && item === undefined) throw notFound('That article has no such section.')
  const maxWidth = positiveInt(q.get('maxwidth'))
  const maxHeight = positiveInt(q.get('maxheight'))
  const bounds: EmbedBounds = {
    ...(maxWidth === undefined ? {} : { maxWidth }),
    ...(maxHeight === undefined ? {} : { maxHeight }),
  }
  return {
    contentType: 'application/json; charset=utf-8',
    // The answer varies with the article and the bounds: all three make its version.
    version: `${value.version}|${path.sectionId ?? ''}|${maxWidth ?? ''}|${maxHeight ?? ''}`,
    lastModified: value.article.updated,
    cache: 'feed',
    render: () => renderOembed(value, site, bounds, item),
  }
}
