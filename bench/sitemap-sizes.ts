/**
 * The sitemaps a published site serves, rendered from what publish left in KV: the index, every article part
 * (`/sitemaps/articles-{N}.xml`) and the news sitemap at Google's cap of 1,000 URLs. Printed by bench:publish.
 */
import { openKvStore } from '../editor/publish/kv-store.ts'
import { articleSitemapUrl } from '../model/feed-urls.ts'
import { parseSitemapIndexValue, parseSitemapPartValue } from '../model/parse-sitemap-values.ts'
import { NEWS_LIMIT, type NewsArticle } from '../model/sitemap-values.ts'
import { keys } from '../model/store-keys.ts'
import { renderNewsSitemap } from '../worker/render/render-news-sitemap.ts'
import { renderSitemap } from '../worker/render/render-sitemap.ts'
import { renderSitemapIndex } from '../worker/render/render-sitemap-index.ts'
import type { SiteConfig } from '../worker/site-config.ts'

export interface SitemapSizes {
  parts: number
  indexBytes: number
  /** The largest part: its bytes and URLs. */
  largestPart: { bytes: number; urls: number }
  /** Bytes of all parts together. */
  allPartsBytes: number
  /** The news sitemap with 1,000 articles of the tree's titles (repeated when the tree has fewer). */
  newsAtCapBytes: number
  /** The largest part value in KV (JSON). */
  largestValueBytes: number
}

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
      const bytes = Buffer.byteLength(renderSitemap(part.articles, site))
      const urls = part.articles.reduce((n, a) => n + 1 + a.sections.length, 0)
      allPartsBytes += bytes
      if (bytes > largestPart.bytes) largestPart = { bytes, urls }
      for (const a of part.articles)
        if (news.length < NEWS_LIMIT)
          news.push({ slug: a.slug, title: `基准测试文章 ${a.n}`, lang: 'zh-CN', published: a.published })
    }
    const listed = index.parts.map((p) => ({
      loc: articleSitemapUrl(site.baseUrl, p.page),
      ...(p.updated ? { lastmod: p.updated } : {}),
    }))
    return {
      parts: index.parts.length,
      indexBytes: Buffer.byteLength(renderSitemapIndex(listed)),
      largestPart,
      allPartsBytes,
      newsAtCapBytes: Buffer.byteLength(
        renderNewsSitemap(
          Array.from({ length: NEWS_LIMIT }, (_, i) => news[i % Math.max(news.length, 1)]).filter(
            (a): a is NewsArticle => a !== undefined,
          ),
          site,
        ),
      ),
      largestValueBytes,
    }
  } finally {
    await store.close()
  }
}
