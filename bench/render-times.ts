/** Render time of one 50-item "all" page per format (and an article page), in Node's V8, median of many runs. */

import { gzipSync } from 'node:zlib'
import type { KvEntry } from '../editor/publish/kv-entry.ts'
import { EDITIONS } from '../model/edition.ts'
import { parseArticleValue, parseFeedArchiveValue, parseFeedHeadValue } from '../model/parse-store-values.ts'
import { keys } from '../model/store-keys.ts'
import type { AllFeedPage } from '../worker/render/feed-document.ts'
import { allFeed } from '../worker/render/feed-document.ts'
import { renderArticlePage } from '../worker/render/render-article-page.ts'
import { renderAtom } from '../worker/render/render-atom.ts'
import { renderJsonFeed } from '../worker/render/render-json-feed.ts'
import { renderRss } from '../worker/render/render-rss.ts'
import type { SiteConfig } from '../worker/site-config.ts'
import { median } from './interleaved-rounds.ts'

const RUNS = 200

/** Median time of `work` over RUNS runs (after warming up), each given a fresh input from `input` made untimed. */
function medianMs<I>(input: (run: number) => I, work: (input: I) => string): { ms: number; text: string } {
  let text = ''
  for (let i = 0; i < 20; i++) text = work(input(i))
  const times: number[] = []
  for (let i = 20; i < 20 + RUNS; i++) {
    const prepared = input(i)
    const t = performance.now()
    text = work(prepared)
    times.push(performance.now() - t)
  }
  return { ms: median(times), text }
}

function gzipMs(text: string): number {
  const gz: number[] = []
  for (let i = 0; i < 50; i++) {
    const t = performance.now()
    gzipSync(text)
    gz.push(performance.now() - t)
  }
  return median(gz)
}

/**
 * Prints the times for a 50-item "all" page and one article value from the built entries. A page is timed three
 * ways (render/feed-item-memo.ts): cold (no item built yet in the isolate: a site configuration never seen), after
 * a publish (the value parsed anew: same content, new objects) and again (the same parsed value).
 */
export function printRenderTimes(entries: readonly KvEntry[], articleKey: string): void {
  const site: SiteConfig = {
    baseUrl: 'https://news.example',
    origin: 'https://news.example',
    edition: EDITIONS.hans,
    title: 'Broadsheet',
    description: 'bench',
    language: 'zh-CN',
  }
  const find = (key: string) => {
    const entry = entries.find((e) => e.key === key)
    if (entry === undefined || typeof entry.value !== 'string')
      throw new Error(`no JSON ${key} among the built entries`)
    return entry.value
  }
  const headText = find(keys.feedHead())
  const archived = parseFeedHeadValue(JSON.parse(headText)).archived
  // The issue's figure is a 50-item page: the head holds one page's worth (20), so the newest complete archive
  // pages' entries come before it, as a 50-item head would have shown them.
  const olderTexts = [archived - 1, archived].filter((n) => n > 0).map((n) => find(keys.feedArchive(n)))
  const pageOf = (): AllFeedPage => {
    const head = parseFeedHeadValue(JSON.parse(headText))
    const older = olderTexts.flatMap((text) => parseFeedArchiveValue(JSON.parse(text)).items)
    return {
      version: head.version,
      updated: head.updated,
      archive: null,
      archived: head.archived,
      size: 50,
      entries: [...older, ...head.items],
    }
  }
  const page = pageOf()
  const shown = allFeed(page, site).items.length
  const article = parseArticleValue(JSON.parse(find(articleKey)))
  console.log(
    `  render, Node ${process.version} (V8 as in workerd), median of ${RUNS} runs (ms): cold / after a publish / again; then gzip (zlib, level 6)`,
  )
  const renderers = [
    ['RSS', renderRss],
    ['Atom', renderAtom],
    ['JSON Feed', renderJsonFeed],
  ] as const
  for (const [name, render] of renderers) {
    const cold = medianMs(
      (run) => ({ ...site, title: `${site.title} ${name} ${run}` }),
      (fresh) => render(allFeed(page, fresh)),
    )
    const published = medianMs(pageOf, (parsed) => render(allFeed(parsed, site)))
    const again = medianMs(
      () => page,
      (same) => render(allFeed(same, site)),
    )
    const ms = [cold, published, again].map((t) => t.ms.toFixed(2).padStart(5)).join(' / ')
    console.log(
      `    ${`${name}, ${shown} items`.padEnd(28)} ${ms}  ${(Buffer.byteLength(again.text) / 1024).toFixed(0).padStart(4)} KB  gzip ${gzipMs(again.text).toFixed(2)} ms`,
    )
  }
  const pageTime = medianMs(
    () => article,
    (value) => renderArticlePage(value, site),
  )
  console.log(
    `    ${`article page, ${article.article.sections.length} sections`.padEnd(28)} ${pageTime.ms.toFixed(2).padStart(5)}  ${(Buffer.byteLength(pageTime.text) / 1024).toFixed(0).padStart(4)} KB  gzip ${gzipMs(pageTime.text).toFixed(2)} ms`,
  )
}
