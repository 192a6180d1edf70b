/** The oEmbed answer for a topic's or person's page: the widget on the subject's JSON Feed (cards of many articles). */
import { embedSnippet } from '../../model/embed-snippet.ts'
import { subjectFeedName, subjectPageUrl } from '../../model/feed-urls.ts'
import type { FeedLogEntry } from '../../model/store-values.ts'
import type { SubjectInfo } from '../../model/subject.ts'
import type { SiteConfig } from '../site-config.ts'
import { rasterPhotos, siteLogo } from './raster-picture.ts'
import { type EmbedBounds, embedCard, type OembedAnswer, thumbnailWidth } from './render-oembed.ts'

/**
 * `entries` are the subject's feed as readers see it now (oldest first). The thumbnail is the newest photo of its
 * items (for a person, the newest they took), else the site logo; a person is the answer's author.
 */
export function subjectOembed(
  subject: SubjectInfo,
  entries: readonly FeedLogEntry[],
  site: SiteConfig,
  bounds: EmbedBounds = {},
): OembedAnswer {
  const photos = [...entries]
    .reverse()
    .flatMap((e) => ('section' in e ? e.section.photos : []))
    .filter((p) => subject.kind === 'topic' || p.credit.id === subject.id)
  const thumbnail =
    rasterPhotos(photos, site.origin, thumbnailWidth(bounds))[0] ?? siteLogo(site.origin, site.title)
  const url = subjectPageUrl(site.baseUrl, subject.kind, subject.id)
  const target = {
    url,
    title: subject.name,
    ...(subject.description === undefined ? {} : { dek: subject.description }),
  }
  return {
    title: subject.name,
    ...(subject.kind === 'person' ? { author_name: subject.name } : {}),
    thumbnail,
    html: embedSnippet(site, subjectFeedName(subject.kind, subject.id), subject.name, {
      fallback: embedCard(target, site, thumbnail),
    }),
  }
}
