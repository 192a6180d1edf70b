/**
 * `/sitemaps/topics-{N}.xml` and `/sitemaps/people-{N}.xml`: the topic or people list's page N and the page of each
 * topic or person on it, from the directory page publish writes (one KV read). `<lastmod>` is when the subject's
 * feed last changed, left out while that time is still ahead (an embargoed article: the page shows it only then).
 */

import { directoryUrl, subjectPageUrl } from '../../model/feed-urls.ts'
import type { SubjectKind } from '../../model/subject.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { renderUrlSitemap, type SitemapUrl } from '../render/render-sitemap.ts'
import { readDirectoryPage } from '../store.ts'
import { partParam, sitemapReply } from './sitemaps.ts'
import { visibleDirectory } from './visible-sitemaps.ts'

/** The sitemap of one page of the topic or people list. */
export const subjectSitemapRoute =
  (kind: SubjectKind): RouteHandler =>
  async ({ env, site, params, now }) => {
    const page = partParam(params.page)
    const dir = await readDirectoryPage(env.CONTENT, kind, page)
    if (dir === null) throw notFound()
    const seen = visibleDirectory(dir, now)
    return sitemapReply(seen, (entries) => {
      const list = seen.value.updated
      const urls: SitemapUrl[] = [
        { loc: directoryUrl(site.baseUrl, kind, page), ...(list ? { lastmod: list } : {}) },
        ...entries.map((e) => ({
          loc: subjectPageUrl(site.baseUrl, kind, e.id),
          ...(e.lastmod ? { lastmod: e.lastmod } : {}),
        })),
      ]
      return renderUrlSitemap(urls)
    })
  }
