/**
 * The `_broadsheet` JSON Feed item extension (JSON Feed 1.1 §"Extensions"): what a section item carries beyond
 * JSON Feed, so the widget can show captions and credits. Written by worker/render/render-json-feed.ts, read by
 * widget/parse-feed.ts; both use these types, and readers parse it from `unknown` here.
 * To extend it, add an optional field to the type and read it in the parser (old feeds then still parse).
 */
import type { Credit } from './article.ts'
import { parseCredit } from './parse-article.ts'
import { arr, int, obj, str } from './read-fields.ts'

/** The item member that holds the extension. */
export const BROADSHEET_EXTENSION_KEY = '_broadsheet'

/** The article a section item belongs to. */
export interface BroadsheetArticle {
  slug: string
  title: string
  /** Absolute: the article's canonical URL, else its page on the site. */
  url: string
}

/** One photo of the section: what a JSON Feed attachment cannot say (size, alt text, caption, credit). */
export interface BroadsheetPhoto {
  /** Absolute URL. */
  url: string
  width: number
  height: number
  alt: string
  caption: string
  credit: Credit
  /**
   * The credit as the feed's language prints it (`记者 石亮 摄`, `記者 石亮 攝`, `Photo: 石亮 (staff reporter)`): the
   * widget shows it as given, so each edition's cards speak their script without a table in the widget.
   */
  credit_line?: string
  /**
   * The WebP renditions (absolute URLs), every width: the widget's srcset; other types are on the article page
   * and in `url`/attachments (JPEG). Absent from older feeds; older feeds listed every type.
   */
  renditions?: BroadsheetRendition[]
}

/** The rendition type feeds list in the extension: every browser the widget supports decodes WebP. */
export const WIDGET_RENDITION_TYPE = 'image/webp'

/** One encoded size and format of a photo. */
export interface BroadsheetRendition {
  url: string
  type: string
  width: number
  height: number
}

function parseBroadsheetRendition(value: unknown, path: string): BroadsheetRendition {
  const o = obj(value, path)
  return {
    url: str(o, 'url', path),
    type: str(o, 'type', path),
    width: int(o, 'width', path, 1),
    height: int(o, 'height', path, 1),
  }
}

/** The value of `_broadsheet` on every item of a Broadsheet feed. */
export interface BroadsheetExtension {
  section_id: string
  article: BroadsheetArticle
  photos: BroadsheetPhoto[]
}

function parseBroadsheetPhoto(value: unknown, path: string): BroadsheetPhoto {
  const o = obj(value, path)
  return {
    url: str(o, 'url', path),
    width: int(o, 'width', path, 1),
    height: int(o, 'height', path, 1),
    alt: str(o, 'alt', path),
    caption: str(o, 'caption', path),
    credit: parseCredit(o.credit, `${path}.credit`),
    ...(typeof o.credit_line === 'string' ? { credit_line: o.credit_line } : {}),
    ...(o.renditions === undefined
      ? {}
      : { renditions: arr(o, 'renditions', path, parseBroadsheetRendition) }),
  }
}

/**
 * Parses the extension from a fetched feed; throws a ModelError naming the first field that does not fit. URLs
 * are only checked to be strings: whoever uses one decides which schemes it accepts.
 */
export function parseBroadsheetExtension(
  value: unknown,
  path = BROADSHEET_EXTENSION_KEY,
): BroadsheetExtension {
  const o = obj(value, path)
  const articlePath = `${path}.article`
  const article = obj(o.article, articlePath)
  return {
    section_id: str(o, 'section_id', path),
    article: {
      slug: str(article, 'slug', articlePath),
      title: str(article, 'title', articlePath),
      url: str(article, 'url', articlePath),
    },
    photos: arr(o, 'photos', path, parseBroadsheetPhoto),
  }
}
