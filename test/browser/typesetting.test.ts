/**
 * Type set like a newspaper, measured in Chromium at 1280 px: no line of the seed's article and section pages (in
 * Simplified and in the zh-TW edition's Traditional) or of the widget's cards is spread, and none starts with closing
 * punctuation. The measurement is test/browser/measure-lines.ts (gaps between adjacent Han characters).
 */

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertArticle } from '../../editor/hant/convert-article.ts'
import { createHantConverter } from '../../editor/hant/create-hant-converter.ts'
import { readGlossary } from '../../editor/hant/read-glossary.ts'
import { articleItems } from '../../model/article-items.ts'
import { EDITIONS } from '../../model/edition.ts'
import { parseArticleValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { ArticleValue } from '../../model/store-values.ts'
import { articleFeed } from '../../worker/render/feed-document.ts'
import { renderArticlePage } from '../../worker/render/render-article-page.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderSectionPage } from '../../worker/render/render-section-page.ts'
import { buildSeedEntries } from '../helpers/build-seed-entries.ts'
import { type MeasuredLine, measureLines } from './measure-lines.ts'
import { waitForEvent } from './read-widget.ts'
import { startWidgetStage, type WidgetStage } from './widget-stage.ts'

/** A line whose Han characters stand further apart than this (in em) reads as spread; set solid they touch. */
const SPREAD_EM = 0.1
/** Closing punctuation that must never begin a line (clreq 3.1.7), in both scripts. */
const CLOSING = /^[，。、；：？！」』”’）》〉】…—·]/
const SITE = {
  baseUrl: 'http://127.0.0.1',
  origin: 'http://127.0.0.1',
  edition: EDITIONS.hans,
  title: 'Broadsheet',
  description: '',
  language: 'zh-CN',
}
const TEXT = 'section > p, p.lede, .dek, h1, h2, figcaption'
/** Where the feed origin serves the seed's Traditional JSON Feed. */
const HANT_FEED = '/zh-tw/feeds/qijiang-strategic-pivot.json'

let stage: WidgetStage
let hans: ArticleValue
let hant: ArticleValue

beforeAll(async () => {
  const built = await buildSeedEntries()
  const entry = built.articles.find((e) => e.key === keys.article('qijiang-strategic-pivot'))
  hans = parseArticleValue(JSON.parse(String(entry?.value)))
  const convert = createHantConverter(readGlossary('content').entries)
  hant = { ...hans, article: convertArticle(hans.article, convert) }
  // The seed's feed in the zh-TW edition as the Worker renders it, for Traditional cards.
  const edition = { ...SITE, edition: EDITIONS.hant, language: EDITIONS.hant.lang }
  const feed = articleFeed(hant, { ...edition, baseUrl: '__ORIGIN__/zh-tw', origin: '__ORIGIN__' })
  stage = await startWidgetStage({ [HANT_FEED]: renderJsonFeed(feed) })
})

afterAll(() => stage?.close())

async function laidOut(html: string, selector = TEXT): Promise<{ page: Page; lines: MeasuredLine[] }> {
  const page = await stage.browser.context.newPage()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.setContent(html)
  return { page, lines: await measureLines(page, selector) }
}

const spread = (lines: MeasuredLine[]) =>
  lines.filter((l) => l.widestGapEm > SPREAD_EM).map((l) => `${l.widestGapEm.toFixed(3)} em: ${l.text}`)
const badStarts = (lines: MeasuredLine[]) =>
  lines.filter((l) => l.index > 0 && CLOSING.test(l.text)).map((l) => l.text)

describe('article and section pages in Chromium at 1280 px', () => {
  for (const [script, value] of [
    ['Simplified', () => hans],
    ['Traditional (zh-TW)', () => hant],
  ] as const) {
    it(`sets no line of the ${script} article page spread and starts none with closing punctuation`, async () => {
      const { page, lines } = await laidOut(renderArticlePage(value(), SITE))
      // The paragraph that showed the spread: its line break falls just before the unbreakable 重“1+1>2”.
      expect(lines.some((l) => /1\+1>2/.test(l.text))).toBe(true)
      expect(lines.length).toBeGreaterThan(80)
      expect(spread(lines)).toEqual([])
      expect(badStarts(lines)).toEqual([])
      await page.close()
    })

    it(`sets no line of the ${script} first section's page spread`, async () => {
      const item = articleItems(value().article)[0]
      if (!item) throw new Error('the seed has no first item')
      const { page, lines } = await laidOut(renderSectionPage(value(), item, SITE))
      expect(lines.some((l) => /1\+1>2/.test(l.text))).toBe(true)
      expect(spread(lines)).toEqual([])
      expect(badStarts(lines)).toEqual([])
      await page.close()
    })
  }

  it('fills a line of Han characters to the measure: the right edge is flush without justification', async () => {
    const { page } = await laidOut(renderArticlePage(hans, SITE))
    const edges = await page.evaluate(() =>
      [...document.querySelectorAll('section > p')].map((p) => {
        const r = document.createRange()
        r.selectNodeContents(p)
        const first = r.getClientRects()[0]
        return { width: p.getBoundingClientRect().width, line: first?.width ?? 0 }
      }),
    )
    const em = 17
    for (const e of edges) expect(e.width % em).toBeCloseTo(0, 1)
    expect(edges.filter((e) => Math.abs(e.line - e.width) < 1).length).toBeGreaterThan(edges.length / 2)
    await page.close()
  })
})

describe('<broadsheet-cards> in Chromium at 1280 px', () => {
  it.each([
    ['Simplified', '/feeds/broadsheet-zh.json'],
    ['Traditional (zh-TW)', HANT_FEED],
  ])('sets no %s card line spread and starts none with closing punctuation', async (_script, path) => {
    const page = await stage.browser.context.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    const w = stage.feed.origin
    await page.goto(
      stage.partner.page({
        scripts: [`${w}/widget.js`],
        body: `<broadsheet-cards id="w" src="${w}${path}" layout="grid"></broadsheet-cards>`,
      }),
    )
    await waitForEvent(page, 'broadsheet-load', 'w')
    const lines = await measureLines(page, '.title, .excerpt, .caption', '#w')
    expect(lines.length).toBeGreaterThan(10)
    expect(spread(lines)).toEqual([])
    expect(badStarts(lines)).toEqual([])
    await page.close()
  })

  it("writes the Traditional cards' own words and credits in Traditional script", async () => {
    const page = await stage.browser.context.newPage()
    const w = stage.feed.origin
    await page.goto(
      stage.partner.page({
        scripts: [`${w}/widget.js`],
        body: `<broadsheet-cards id="w" src="${w}${HANT_FEED}"></broadsheet-cards>`,
      }),
    )
    await waitForEvent(page, 'broadsheet-load', 'w')
    const text = await page.locator('#w').evaluate((el) => el.shadowRoot?.textContent ?? '')
    expect(text).toContain('記者 石亮 攝')
    expect(text).toContain('「')
    expect(text).not.toMatch(/[“”]/)
    await page.close()
  })
})
