/** The oEmbed answer for an article, or for one of its items (a section, the gallery): the widget limited to it. */
import type { ItemSection } from '../../model/article-items.ts'
import { embedSnippet } from '../../model/embed-snippet.ts'
import { articlePageUrl, sectionPageUrl } from '../../model/feed-urls.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import type { SiteConfig } from '../site-config.ts'
import { rasterPhotos, siteLogo } from './raster-picture.ts'
import {
  type EmbedBounds,
  type EmbedTarget,
  embedCard,
  type OembedAnswer,
  thumbnailWidth,
} from './render-oembed.ts'

function targetOf(value: ArticleValue, site: SiteConfig, item?: ItemSection): EmbedTarget {
  const { article } = value
  if (item)
    return {
      url: sectionPageUrl(site.baseUrl, article.slug, item.id),
      title: item.heading,
      dek: article.title,
    }
  return {
    url: articlePageUrl(site.baseUrl, article.slug),
    title: article.title,
    ...(article.dek === undefined ? {} : { dek: article.dek }),
  }
}

/** The article's answer, or with `item` that item's (the thumbnail is then its photo when it has one). */
export function articleOembed(
  value: ArticleValue,
  site: SiteConfig,
  bounds: EmbedBounds = {},
  item?: ItemSection,
): OembedAnswer {
  const { article } = value
  const target = targetOf(value, site, item)
  const photos = [...(item?.photos ?? []), ...article.sections.flatMap((s) => s.photos), ...article.photos]
  const thumbnail =
    rasterPhotos(photos, site.origin, thumbnailWidth(bounds))[0] ?? siteLogo(site.origin, site.title)
  return {
    title: target.title,
    author_name: article.byline.name,
    thumbnail,
    html: embedSnippet(site, article.slug, article.title, {
      ...(item ? { section: item.id } : {}),
      fallback: embedCard(target, site, thumbnail),
    }),
  }
}
