/** The Google News sitemap split into files a crawler and the 200 KB rule take, validated by xmllint. */
import { describe, expect, it } from 'vitest'
import { EDITIONS } from '../../model/edition.ts'
import { NEWS_PART_BYTES, NEWS_PART_URLS, type NewsArticle } from '../../model/sitemap-values.ts'
import { newsSitemapParts } from '../../worker/render/news-sitemap-parts.ts'
import { renderNewsSitemap } from '../../worker/render/render-news-sitemap.ts'
import { buildSiteConfig } from '../fixtures/build-article.ts'
import { URLSET_SCHEMA, validateXml } from '../helpers/xmllint.ts'

/** The longest slug the model takes (80 characters). */
const longSlug = (i: number) => `${'s'.repeat(74)}-${String(i).padStart(5, '0')}`

/**
 * 1,000 articles of the 48 hours, newest first, each title at content:check's 200 characters and every character
 * the costliest to write (`"` is `&quot;`, 6 bytes).
 */
const worstCase = (lang = 'zh-CN'): NewsArticle[] =>
  Array.from({ length: 1000 }, (_, i) => ({
    slug: longSlug(i),
    title: '"'.repeat(200),
    lang,
    published: new Date(Date.parse('2026-11-28T08:00:00+08:00') - i * 170_000).toISOString(),
  }))

/** A long site title and base URL: both are in every entry. */
const longSite = (edition = EDITIONS.hans) =>
  buildSiteConfig({
    baseUrl: `https://news.${'example-'.repeat(8)}com${edition.path}`,
    origin: `https://news.${'example-'.repeat(8)}com`,
    edition,
    title: '重庆市綦江区融媒体中心新闻 & 报道'.repeat(3),
  })

const bytes = (xml: string) => Buffer.byteLength(xml, 'utf8')

describe('newsSitemapParts', () => {
  for (const [name, edition, lang, language] of [
    ['the original', EDITIONS.hans, 'zh-CN', 'zh-cn'],
    ['the zh-tw edition', EDITIONS.hant, 'zh-TW', 'zh-tw'],
  ] as const)
    it(`keeps every part of 1,000 worst-case articles within 200 KB and 1,000 URLs, valid against the schemas (${name})`, async () => {
      const articles = worstCase(lang)
      const site = longSite(edition)
      const parts = newsSitemapParts(articles, site)
      // 1,000 entries of about 1.7 KB: more than one file, fewer than one per article.
      expect(parts.length).toBeGreaterThan(5)
      expect(parts.length).toBeLessThan(20)
      expect(parts.flat()).toEqual(articles)
      for (const [i, part] of parts.entries()) {
        const xml = renderNewsSitemap(part, site)
        expect([i, bytes(xml) <= NEWS_PART_BYTES]).toEqual([i, true])
        expect(part.length).toBeLessThanOrEqual(NEWS_PART_URLS)
        expect(xml.match(/<url>/g)).toHaveLength(part.length)
        expect(xml).toContain(`<news:language>${language}</news:language>`)
        const result = await validateXml(xml, URLSET_SCHEMA)
        expect([i, result.errors]).toEqual([i, ''])
      }
    })

  it('fills each part as far as the limit allows: the next article would not have fitted', () => {
    const articles = worstCase()
    const site = longSite()
    const parts = newsSitemapParts(articles, site)
    for (let i = 0; i + 1 < parts.length; i++) {
      const part = parts[i] ?? []
      const next = parts[i + 1]?.[0]
      if (!next) throw new Error(`part ${i + 2} is empty`)
      expect(bytes(renderNewsSitemap([...part, next], site))).toBeGreaterThan(NEWS_PART_BYTES)
    }
  })

  it('keeps the 1,000 articles of short titles in fewer files than long ones, each within 200 KB', () => {
    const site = longSite()
    const short = worstCase().map((a, i) => ({ ...a, title: `綦江新闻 ${i}` }))
    const parts = newsSitemapParts(short, site)
    expect(parts.length).toBeLessThan(newsSitemapParts(worstCase(), site).length)
    for (const part of parts)
      expect(bytes(renderNewsSitemap(part, site))).toBeLessThanOrEqual(NEWS_PART_BYTES)
  })

  // The schema wants at least one <url>: the index leaves an empty news sitemap out, news.xml still answers.
  it('gives one empty part when no article is recent, a well-formed empty urlset', async () => {
    const parts = newsSitemapParts([], longSite())
    expect(parts).toEqual([[]])
    expect((await validateXml(renderNewsSitemap([], longSite()))).errors).toBe('')
  })
})
