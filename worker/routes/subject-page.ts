/** `/topics/{id}` and `/people/{id}` (a subject's feed log as a page), `/topics` and `/people` (the directories). */
import type { SubjectKind } from '../../model/subject.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import type { AllFeedPage } from '../render/feed-document.ts'
import { renderDirectoryPage } from '../render/render-directory-page.ts'
import { renderSubjectPage } from '../render/render-subject-page.ts'
import { readDirectoryPage, readSubjectFeedArchive, readSubjectFeedHead } from '../store.ts'
import { pageParam, slugParam } from './route-params.ts'
import { visibleAllPage } from './visible.ts'

/** A topic's or person's page: the newest items of its feed, or `?page=N` its archive page N. */
export const subjectPageRoute =
  (kind: SubjectKind): RouteHandler =>
  async ({ params, url, env, site, now }) => {
    const id = slugParam(params, 'id')
    const page = pageParam(url)
    const value =
      page === null
        ? await readSubjectFeedHead(env.CONTENT, kind, id)
        : await readSubjectFeedArchive(env.CONTENT, kind, id, page)
    if (value === null) throw notFound()
    const archived = 'archived' in value ? value.archived : (page ?? 0)
    const log: AllFeedPage = {
      version: value.version,
      updated: value.updated,
      archive: page,
      archived,
      size: value.items.length,
      entries: value.items,
    }
    const seen = visibleAllPage(log, now)
    return {
      ...(seen.freshUntil === undefined ? {} : { freshUntil: seen.freshUntil }),
      contentType: 'text/html; charset=utf-8',
      version: seen.value.version,
      ...(seen.value.updated ? { lastModified: seen.value.updated } : {}),
      cache: 'page',
      render: () =>
        renderSubjectPage({ subject: value.subject, entries: seen.value.entries, page, archived }, site),
    }
  }

/** The topic list or the people list, `?page=N` for page N. */
export const directoryRoute =
  (kind: SubjectKind): RouteHandler =>
  async ({ url, env, site }) => {
    const page = pageParam(url) ?? 1
    const value = await readDirectoryPage(env.CONTENT, kind, page)
    if (value === null) throw notFound()
    return {
      contentType: 'text/html; charset=utf-8',
      version: value.version,
      cache: 'page',
      render: () => renderDirectoryPage(kind, value, site),
    }
  }
