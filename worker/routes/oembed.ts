/**
 * `/oembed?url=PAGE_URL&format=json|xml`: oEmbed 1.0 for this site's article, section, topic and person pages.
 * One KV read: the article, or the subject's feed head.
 */
import { articleItems } from '../../model/article-items.ts'
import { isPublishedBy } from '../../model/embargo.ts'
import { SLUG } from '../../model/parse-article.ts'
import { SUBJECT_KINDS, SUBJECT_PATHS, type SubjectKind } from '../../model/subject.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound, StatusError } from '../http/status-error.ts'
import { articleOembed } from '../render/article-oembed.ts'
import {
  type EmbedBounds,
  type OembedAnswer,
  renderOembedJson,
  renderOembedXml,
} from '../render/render-oembed.ts'
import { subjectOembed } from '../render/subject-oembed.ts'
import type { SiteConfig } from '../site-config.ts'
import { readArticle, readSubjectFeedHead } from '../store.ts'
import { visibleAllPage } from './visible.ts'

/** A page of this site that has an embed. */
type EmbedPath = { slug: string; sectionId?: string } | { kind: SubjectKind; id: string }

/** What each format is served as (oEmbed 1.0 §2.3.4). */
const FORMATS = {
  json: { contentType: 'application/json; charset=utf-8', render: renderOembedJson },
  xml: { contentType: 'text/xml; charset=utf-8', render: renderOembedXml },
} as const

/**
 * The page a URL of this site's edition names (`{base}/articles/{slug}`, `{base}/articles/{slug}/{section-id}`,
 * `{base}/topics/{id}`, `{base}/people/{id}`, any fragment or query; `{base}` ends in `/zh-tw` in the Traditional
 * edition), else null.
 */
function embedPath(raw: string, site: SiteConfig): EmbedPath | null {
  if (!URL.canParse(raw)) return null
  const url = new URL(raw)
  const base = new URL(site.baseUrl)
  // The edition's path (`/zh-tw`) comes first: each edition's endpoint answers for its own pages.
  const prefix = base.pathname.replace(/\/$/, '')
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/`)) return null
  const [, first, second, third, ...rest] = url.pathname.slice(prefix.length).split('/')
  if (rest.length > 0 || second === undefined || !SLUG.test(second)) return null
  const kind = SUBJECT_KINDS.find((k) => SUBJECT_PATHS[k] === first)
  if (kind !== undefined) return third === undefined ? { kind, id: second } : null
  if (first !== 'articles') return null
  if (third === undefined) return { slug: second }
  return SLUG.test(third) ? { slug: second, sectionId: third } : null
}

function positiveInt(value: string | null): number | undefined {
  return value !== null && /^[1-9][0-9]{0,4}$/.test(value) ? Number(value) : undefined
}

/** An answer, the version of what it was made from, and the time of its newest change. */
interface Found {
  answer: OembedAnswer
  version: string
  lastModified?: string
  freshUntil?: number
}

async function findArticle(
  path: { slug: string; sectionId?: string },
  env: Env,
  site: SiteConfig,
  bounds: EmbedBounds,
  now: number,
): Promise<Found> {
  const stored = await readArticle(env.CONTENT, path.slug)
  if (stored?.kind === 'gone') throw new StatusError(410, 'Gone', 'That article was withdrawn.')
  if (stored?.kind !== 'article' || !isPublishedBy(stored.value.article.published, now))
    throw notFound('No page of this site has that URL.')
  const value = stored.value
  const item =
    path.sectionId === undefined
      ? undefined
      : articleItems(value.article).find((i) => i.id === path.sectionId)
  if (path.sectionId !== undefined && item === undefined) throw notFound('That article has no such section.')
  return {
    answer: articleOembed(value, site, bounds, item),
    version: `${value.version}|${path.sectionId ?? ''}`,
    lastModified: value.article.updated,
  }
}

async function findSubject(
  path: { kind: SubjectKind; id: string },
  env: Env,
  site: SiteConfig,
  bounds: EmbedBounds,
  now: number,
): Promise<Found> {
  const head = await readSubjectFeedHead(env.CONTENT, path.kind, path.id)
  if (head === null) throw notFound('No page of this site has that URL.')
  const seen = visibleAllPage(
    {
      version: head.version,
      updated: head.updated,
      archive: null,
      archived: head.archived,
      size: head.items.length,
      entries: head.items,
    },
    now,
  )
  return {
    answer: subjectOembed(head.subject, seen.value.entries, site, bounds),
    version: `${seen.value.version}|${path.kind}`,
    ...(seen.value.updated ? { lastModified: seen.value.updated } : {}),
    ...(seen.freshUntil === undefined ? {} : { freshUntil: seen.freshUntil }),
  }
}

/** JSON (the default) or XML; any other format → 501 as the spec asks; unknown or foreign URLs → 404. */
export const oembedRoute: RouteHandler = async ({ url, env, site, now }) => {
  const q = url.searchParams
  const format = q.get('format') ?? 'json'
  // oEmbed 1.0 §2.3.4: a format the provider cannot return is 501, whatever it is.
  if (format !== 'json' && format !== 'xml')
    throw new StatusError(501, 'Not Implemented', 'Only format=json and format=xml are supported.')
  const target = q.get('url')
  if (target === null) throw new StatusError(400, 'Bad Request', 'The url parameter is required.')
  const path = embedPath(target, site)
  if (path === null) throw notFound('No page of this site has that URL.')
  const maxWidth = positiveInt(q.get('maxwidth'))
  const maxHeight = positiveInt(q.get('maxheight'))
  const bounds: EmbedBounds = {
    ...(maxWidth === undefined ? {} : { maxWidth }),
    ...(maxHeight === undefined ? {} : { maxHeight }),
  }
  const found =
    'slug' in path
      ? await findArticle(path, env, site, bounds, now)
      : await findSubject(path, env, site, bounds, now)
  const { contentType, render } = FORMATS[format]
  return {
    ...(found.freshUntil === undefined ? {} : { freshUntil: found.freshUntil }),
    contentType,
    // The answer varies with the page, the bounds and the format: all make its version.
    version: `${found.version}|${maxWidth ?? ''}|${maxHeight ?? ''}|${format}`,
    ...(found.lastModified ? { lastModified: found.lastModified } : {}),
    cache: 'feed',
    render: () => render(found.answer, site, bounds),
  }
}
