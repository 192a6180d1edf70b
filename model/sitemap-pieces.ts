/**
 * A sitemap part's articles cut into pieces (`/sitemaps/articles-{N}.xml`, then `articles-{N}-2.xml`…) so each
 * piece's rendered sitemap stays within SITEMAP_PART_BYTES whatever the articles: publish counts the pieces for the
 * index, the Worker cuts the same stored list the same way. The cut is measured with every article visible and
 * an origin of SITEMAP_ORIGIN_BYTES, so the embargo filter (which only removes articles) and any shorter origin
 * keep each piece within the bound. Pure: it mirrors worker/render/render-sitemap.ts byte for byte (a unit test
 * holds them equal).
 */
import { escapeXml } from './escape-xml.ts'
import type { SitemapArticle } from './sitemap-values.ts'

/** Bytes a piece may take: the project's largest response (200 KB). */
export const SITEMAP_PART_BYTES = 200_000
/**
 * The longest origin (`https://host[:port]`) a piece is measured with; the Traditional edition's path (`/zh-tw`)
 * comes after it. A site served from a longer origin may exceed SITEMAP_PART_BYTES by its extra bytes per URL.
 */
export const SITEMAP_ORIGIN_BYTES = 100
/** The longest edition path in front of a page's path. */
const EDITION_PATH_BYTES = '/zh-tw'.length

const utf8 = new TextEncoder()
const bytesOf = (text: string): number => utf8.encode(text).byteLength
const escaped = (text: string): number => bytesOf(escapeXml(text))

/** `<?xml …?>\n<urlset xmlns=… xmlns:image=…>\n` and `\n</urlset>\n`, as render-sitemap.ts writes them. */
export const SITEMAP_ENVELOPE_BYTES =
  '<?xml version="1.0" encoding="UTF-8"?>\n'.length +
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
    .length +
  '\n</urlset>\n'.length

const URL_TAGS = '<url><loc></loc><lastmod></lastmod></url>'.length
const IMAGE_TAGS = '<image:image><image:loc></image:loc></image:image>'.length
const BASE = SITEMAP_ORIGIN_BYTES + EDITION_PATH_BYTES

/** The bytes of an article's `<url>` entries at the longest origin, with the newline after each. */
export function articleEntryBytes(a: SitemapArticle): number {
  const page = BASE + escaped(`/articles/${a.slug}`)
  const images = a.images.reduce(
    (n, src) => n + IMAGE_TAGS + (src.startsWith('/') ? SITEMAP_ORIGIN_BYTES : 0) + escaped(src),
    0,
  )
  const sections = a.sections.reduce(
    (n, s) => n + 1 + URL_TAGS + page + 1 + escaped(s.id) + escaped(s.updated),
    0,
  )
  return 1 + URL_TAGS + page + escaped(a.updated) + images + sections
}

/**
 * The articles in order, cut into consecutive pieces as full as SITEMAP_PART_BYTES allows (at least one piece).
 * An article is never cut: one whose own entries exceed the bound (about a thousand photos) makes a piece alone.
 */
export function sitemapPieces(articles: readonly SitemapArticle[]): SitemapArticle[][] {
  const pieces: SitemapArticle[][] = []
  let piece: SitemapArticle[] = []
  // The newlines counted per entry include one the envelope already holds: the bound stays an upper bound.
  let bytes = SITEMAP_ENVELOPE_BYTES
  for (const a of articles) {
    const entry = articleEntryBytes(a)
    if (piece.length > 0 && bytes + entry > SITEMAP_PART_BYTES) {
      pieces.push(piece)
      piece = []
      bytes = SITEMAP_ENVELOPE_BYTES
    }
    piece.push(a)
    bytes += entry
  }
  pieces.push(piece)
  return pieces
}
