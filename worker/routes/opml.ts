/**
 * `/feeds.opml`, `/feeds.atom.opml`, `/feeds.json.opml`: the whole paper, the topics, the people and the newest
 * articles as grouped outlines; `?page=N` the topics and people past page N-1's. A page reads the article list's
 * head (page 1 only) and one directory page of each kind, in parallel: three values, each bounded, where one value
 * holding every subject's feeds would have to be rewritten on every change of any of them.
 */
import type { FeedFormat } from '../../model/feed-urls.ts'
import { newest } from '../../model/newest.ts'
import { opmlSlice } from '../../model/opml-pages.ts'
import type { DirectoryEntry, DirectoryPageValue } from '../../model/store-values.ts'
import type { SubjectKind } from '../../model/subject.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { articleListPage } from '../render/article-list-page.ts'
import { renderOpml } from '../render/render-opml.ts'
import { readDirectoryPage, readIndexHead } from '../store.ts'
import { pageParam } from './route-params.ts'
import { visibleIndex } from './visible.ts'

/** The subjects of `kind` OPML page `page` lists: those with a published feed. */
async function subjectsOn(
  kv: KVNamespace,
  kind: SubjectKind,
  page: number,
): Promise<{ entries: DirectoryEntry[]; version: string }> {
  const slice = opmlSlice(page)
  const value: DirectoryPageValue | null = await readDirectoryPage(kv, kind, slice.directoryPage)
  if (value === null) return { entries: [], version: '' }
  return {
    entries: value.entries.slice(slice.start, slice.end).filter((e) => e.updated !== null),
    version: value.version,
  }
}

/** The OPML list in one format (`/feeds.opml` is RSS). */
export const opmlRoute =
  (format: FeedFormat): RouteHandler =>
  async ({ env, url, site, now }) => {
    const page = pageParam(url) ?? 1
    const [head, topics, people] = await Promise.all([
      page === 1 ? readIndexHead(env.CONTENT) : null,
      subjectsOn(env.CONTENT, 'topic', page),
      subjectsOn(env.CONTENT, 'person', page),
    ])
    if (page > 1 && topics.entries.length + people.entries.length === 0) throw notFound()
    const seen = page === 1 ? visibleIndex(articleListPage(head, null, head?.pages ?? 0), now) : null
    const index = seen?.value ?? null
    const updated =
      newest([
        ...(index?.updated ? [index.updated] : []),
        ...[...topics.entries, ...people.entries].flatMap((e) => (e.updated ? [e.updated] : [])),
      ]) ?? null
    return {
      ...(seen?.freshUntil === undefined ? {} : { freshUntil: seen.freshUntil }),
      contentType: 'text/x-opml; charset=utf-8',
      version: `${index?.version ?? ''}|${topics.version}|${people.version}`,
      ...(updated ? { lastModified: updated } : {}),
      cache: 'feed',
      render: () =>
        renderOpml(
          {
            page,
            index,
            topics: topics.entries,
            people: people.entries,
            updated,
          },
          site,
          format,
        ),
    }
  }
