/** Render time of one 50-item "all" page per format (and an article page), in Node's V8, median of many runs. */
import { gzipSync } from 'node:zlib'
import type { KvEntry } from '../editor/publish/kv-entry.ts'
import { parseArticleValue, parseFeedHeadValue } from '../model/parse-store-values.ts'
import type { AllFeedPage } from '../worker/render/feed-document.ts'
import { allFeed } from '../worker/render/feed-document.ts'
import { renderArticlePage } from '../worker/render/render-article-page.ts'
import { renderAtom } from '../worker/render/render-atom.ts'
import { renderJsonFeed } from '../worker/render/render-json-feed.ts'
import { renderRss } from '../worker/render/render-rss.ts'
import type { SiteConfig } from '../worker/site-config.ts'
import { median } from './interleaved-rounds.ts'

const RUNS = 200

function timeOf(work: () => string): { ms: number; bytes: number; gzipMs: number } {
  let text = ''
  for (let i = 0; i < 20; i++) text = work()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    text = work()
    times.push(performance.now() - t)
  }
  const gz: number[] = []
  for (let i = 0; i < 50; i++) {
    const t = performance.now()
    gzipSync(text)
    gz.push(performance.now() - t)
  }
  return { ms: median(times), bytes: Buffer.byteLength(text), gzipMs: median(gz) }
}

/** Prints the times for the first "all" page and one article value from the built entries. */
export function printRenderTimes(entries: readonly KvEntry[], allPageKey: string, articleKey: string): void {
  const site: SiteConfig = {
    baseUrl: 'https://news.example',
    title: 'Broadsheet',
    description: 'bench',
    language: 'zh-CN',
  }
  const find = (key: string) => {
    const entry = entries.find((e) => e.key === key)
    if (entry === undefined || typeof entry.value !== 'string')
      throw new Error(`no JSON ${key} among the built entries`)
    const value: unknown = JSON.parse(entry.value)
    return value
  }
  const head = parseFeedHeadValue(find(allPageKey))
  const page: AllFeedPage & { items: unknown[] } = {
    version: head.version,
    updated: head.updated,
    archive: null,
    archived: head.archived,
    // The figure is a 50-item page, whatever the log's page size.
    size: 50,
    entries: head.items,
    items: head.items.slice(-50),
  }
  const article = parseArticleValue(find(articleKey))
  console.log(
    `  render, Node ${process.version} (V8 as in workerd), median of ${RUNS} runs, then gzip (zlib, level 6)`,
  )
  for (const [name, work] of [
    [`RSS, ${page.items.length} items`, () => renderRss(allFeed(page, site))],
    [`Atom, ${page.items.length} items`, () => renderAtom(allFeed(page, site))],
    [`JSON Feed, ${page.items.length} items`, () => renderJsonFeed(allFeed(page, site))],
    [`article page, ${article.article.sections.length} sections`, () => renderArticlePage(article, site)],
  ] as const) {
    const t = timeOf(work)
    console.log(
      `    ${name.padEnd(28)} ${t.ms.toFixed(2).padStart(6)} ms  ${(t.bytes / 1024).toFixed(0).padStart(4)} KB  gzip ${t.gzipMs.toFixed(2)} ms`,
    )
  }
}
