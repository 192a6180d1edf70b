/**
 * The sitemaps a published site serves, rendered from what publish left in KV: the index, every article part
 * (`/sitemaps/articles-{N}.xml`) and the news sitemap's parts with 1,000 articles in the 48 hours. Printed by
 * bench:publish.
 */
import { openKvStore } from '../editor/publish/kv-store.ts'
import { articleSitemapUrl } from '../model/feed-urls.ts'
import { parseSitemapIndexValue, parseSitemapPartValue } from '../model/parse-sitemap-values.ts'
import { sitemapPieces } from '../model/sitemap-pieces.ts'
import type { NewsArticle } from '../model/sitemap-values.ts'
import { keys } from '../model/store-keys.ts'
import { newsSitemapParts } from '../worker/render/news-sitemap-parts.ts'
import { renderNewsSitemap } from '../worker/render/render-news-sitemap.ts'
import { renderSitemap } from '../worker/render/render-sitemap.ts'
import { renderSitemapIndex } from '../worker/render/render-sitemap-index.ts'
import type { SiteConfig } from '../worker/site-config.ts'

export interface SitemapSizes {
  /** The article sitemaps the index lists: every piece of every part. */
  parts: number
  indexBytes: number
  /** The largest piece: its bytes and URLs. */
  largestPart: { bytes: number; urls: number }
  /** Bytes of all parts together. */
  allPartsBytes: number
  /** The news sitemap's parts with 1,000 articles of the bench's titles (the tree's slugs, repeated when fewer). */
  news: NewsParts
  /** The same with every title 200 characters long (content:check's limit). */
  newsLongTitles: NewsParts
  /** The largest part value in KV (JSON). */
  largestValueBytes: number
}

/** How many parts the news sitemap takes and the largest one's bytes. */
export interface NewsParts {
  parts: number
  largestBytes: number
}

/** The news sitemap at 1,000 articles in the window: parts and the largest part. */
function newsParts(articles: readonly NewsArticle[], site: SiteConfig): NewsParts {
  const parts = newsSitemapParts(articles, site)
  const sizes = parts.map((p) => Buffer.byteLength(renderNewsSitemap(p, site)))
  return { parts: parts.length, largestBytes: Math.max(...sizes) }
}

/** 1,000 articles in the window, taken from the tree's parts (repeated when the tree has fewer), newest first. */
const IN_WINDOW = 1000

export async function sitemapSizes(persistTo: string, site: SiteConfig): Promise<SitemapSizes> {
  const store = await openKvStore({ mode: 'local', persistTo, binding: 'CONTENT', cwd: process.cwd() })
  try {
    const index = parseSitemapIndexValue(
      (await store.getJson([keys.sitemapIndex()])).get(keys.sitemapIndex()),
    )
    const partKeys = index.parts.map((p) => keys.sitemapPart(p.page))
    const values = await store.getJson(partKeys)
    let largestPart = { bytes: 0, urls: 0 }
    let allPartsBytes = 0
    let largestValueBytes = 0
    const news: NewsArticle[] = []
    for (const key of partKeys) {
      largestValueBytes = Math.max(largestValueBytes, Buffer.byteLength(JSON.stringify(values.get(key))))
      const part = parseSitemapPartValue(values.get(key))
      for (const piece of sitemapPieces(part.articles)) {
        const bytes = Buffer.byteLength(renderSitemap(piece, site))
        const urls = piece.reduce((n, a) => n + 1 + a.sections.length, 0)
        allPartsBytes += bytes
        if (bytes > largestPart.bytes) largestPart = { bytes, urls }
      }
      for (const a of part.articles)
        if (news.length < IN_WINDOW)
          news.push({ slug: a.slug, title: `基准测试文章 ${a.n}`, lang: 'zh-CN', published: a.published })
    }
    const window = Array.from({ length: IN_WINDOW }, (_, i) => news[i % Math.max(news.length, 1)]).filter(
      (a): a is NewsArticle => a !== undefined,
    )
    const listed = index.parts.map((p) => ({
      loc: articleSitemapUrl(site.baseUrl, p.page, p.piece),
      ...(p.updated ? { lastmod: p.updated } : {}),
    }))
    return {
      parts: index.parts.length,
      indexBytes: Buffer.byteLength(renderSitemapIndex(listed)),
      largestPart,
      allPartsBytes,
      news: newsParts(window, site),
      newsLongTitles: newsParts(
        window.map((a) => ({ ...a, title: `${a.title}，`.padEnd(200, '长') })),
        site,
      ),
      largestValueBytes,
    }
  } finally {
    await store.close()
  }
}
