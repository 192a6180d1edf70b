/** Article sitemap parts cut into pieces within 200 KB, measured exactly as the Worker renders them. */
import { describe, expect, it } from 'vitest'
import { EDITIONS } from '../../model/edition.ts'
import {
  articleEntryBytes,
  SITEMAP_ENVELOPE_BYTES,
  SITEMAP_ORIGIN_BYTES,
  SITEMAP_PART_BYTES,
  sitemapPieces,
} from '../../model/sitemap-pieces.ts'
import type { SitemapArticle } from '../../model/sitemap-values.ts'
import { renderSitemap } from '../../worker/render/render-sitemap.ts'
import { buildSiteConfig } from '../fixtures/build-article.ts'
import { URLSET_SCHEMA, validateXml } from '../helpers/xmllint.ts'

/** An origin of exactly the length the pieces are measured with, serving the Traditional edition (`/zh-tw`). */
const ORIGIN = `https://${'n'.repeat(SITEMAP_ORIGIN_BYTES - 'https://.com'.length)}.com`
const longest = buildSiteConfig({
  origin: ORIGIN,
  baseUrl: `${ORIGIN}${EDITIONS.hant.path}`,
  edition: EDITIONS.hant,
})

/** An article with `sections` section pages and `photos` photos, its ids and URLs long and full of `&`. */
function article(n: number, sections: number, photos: number): SitemapArticle {
  const updated = '2026-11-27T08:00:00+08:00'
  return {
    n,
    slug: `${'s'.repeat(74)}-${String(n).padStart(5, '0')}`,
    published: updated,
    updated,
    sections: Array.from({ length: sections }, (_, i) => ({ id: `section-${'x'.repeat(60)}-${i}`, updated })),
    images: Array.from({ length: photos }, (_, i) =>
      i % 2 === 0
        ? `/media/${String(n * 1000 + i).padStart(32, '0')}.jpg`
        : `https://cdn.example.com/p?a=1&b=${i}`,
    ),
  }
}

const bytes = (articles: readonly SitemapArticle[]) =>
  Buffer.byteLength(renderSitemap(articles, longest), 'utf8')

describe('sitemapPieces', () => {
  it("counts each article's entries to the byte the Worker renders at the longest origin", () => {
    const articles = [article(1, 0, 0), article(2, 3, 5), article(3, 40, 1)]
    for (const a of articles) expect(bytes([a])).toBe(SITEMAP_ENVELOPE_BYTES + articleEntryBytes(a) - 1)
    const sum = articles.reduce((n, a) => n + articleEntryBytes(a), 0)
    expect(bytes(articles)).toBe(SITEMAP_ENVELOPE_BYTES + sum - 1)
  })

  it('keeps every piece of a part of long articles within 200 KB, valid against the schema, each as full as the next article allows', async () => {
    // A part's 50 slots of articles with 40 sections and 60 photos: about 1 MB rendered in one document.
    const part = Array.from({ length: 50 }, (_, i) => article(i, 40, 60))
    expect(bytes(part)).toBeGreaterThan(4 * SITEMAP_PART_BYTES)
    const pieces = sitemapPieces(part)
    expect(pieces.flat()).toEqual(part)
    expect(pieces.length).toBeGreaterThan(4)
    for (const [i, piece] of pieces.entries()) {
      expect([i, bytes(piece) <= SITEMAP_PART_BYTES]).toEqual([i, true])
      const next = pieces[i + 1]?.[0]
      if (next) expect([i, bytes([...piece, next]) > SITEMAP_PART_BYTES]).toEqual([i, true])
      const result = await validateXml(renderSitemap(piece, longest), URLSET_SCHEMA)
      expect([i, result.errors]).toEqual([i, ''])
    }
  })

  it('keeps a part of short articles in one piece, and never cuts an article that is over the bound alone', () => {
    const short = Array.from({ length: 50 }, (_, i) => article(i, 2, 2))
    expect(sitemapPieces(short)).toEqual([short])
    expect(sitemapPieces([])).toEqual([[]])
    const huge = article(7, 600, 600)
    expect(bytes([huge])).toBeGreaterThan(SITEMAP_PART_BYTES)
    expect(sitemapPieces([short[0] as SitemapArticle, huge, short[1] as SitemapArticle])).toEqual([
      [short[0]],
      [huge],
      [short[1]],
    ])
  })
})
