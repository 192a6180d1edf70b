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
/** A one-item feed whose title mixes Han with Latin letters and digits (four boundaries: 江|G, P|增, 长|8, 8|成). */
const MIXED_FEED = '/feeds-mixed/autospace.json'
const MIXED_TITLE = '綦江GDP增长8成'

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
  const mixed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Broadsheet',
    language: 'zh-CN',
    items: [{ id: 'mixed', url: '__ORIGIN__/articles/mixed', title: MIXED_TITLE, summary: '短讯。' }],
  }
  stage = await startWidgetStage({
    [HANT_FEED]: renderJsonFeed(feed),
    [MIXED_FEED]: JSON.stringify(mixed),
  })
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

/** A partner page at 1280 px with one grid of cards from `path` on the feed origin, once they loaded. */
async function cardsPage(path: string): Promise<Page> {
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
  return page
}

describe('<broadsheet-cards> in Chromium at 1280 px', () => {
  it.each([
    ['Simplified', '/feeds/broadsheet-zh.json'],
    ['Traditional (zh-TW)', HANT_FEED],
  ])('sets no %s card line spread and starts none with closing punctuation', async (_script, path) => {
    const page = await cardsPage(path)
    const lines = await measureLines(page, '.title, .excerpt, .caption', '#w')
    expect(lines.length).toBeGreaterThan(10)
    expect(spread(lines)).toEqual([])
    expect(badStarts(lines)).toEqual([])
    await page.close()
  })

  it('puts 1/8 em between Han and Latin letters or digits in a card title (text-autospace), none between Han', async () => {
    const page = await cardsPage(MIXED_FEED)
    /** Each character's left edge in the title, in em, with the root's text-autospace as given. */
    const lefts = (autospace: string) =>
      page.locator('#w').evaluate((host, value) => {
        const root = host.shadowRoot?.querySelector<HTMLElement>('.root')
        const link = host.shadowRoot?.querySelector('.title a')
        // Lit marks where it put the text with comments: the text node itself is measured.
        const title = [...(link?.childNodes ?? [])].find((n) => n.nodeType === Node.TEXT_NODE)
        if (!root || !title) throw new Error('no card title')
        if (value) root.style.setProperty('text-autospace', value)
        else root.style.removeProperty('text-autospace')
        const em = Number.parseFloat(getComputedStyle(root.querySelector('.title') as Element).fontSize)
        const text = title.nodeValue ?? ''
        return {
          computed: getComputedStyle(root).getPropertyValue('text-autospace'),
          lefts: [...text].map((_, i) => {
            const r = document.createRange()
            r.setStart(title, i)
            r.setEnd(title, i + 1)
            return (r.getClientRects()[0]?.left ?? Number.NaN) / em
          }),
        }
      }, autospace)
    const card = await lefts('')
    expect(card.computed).toBe('normal')
    // The same title set without autospace: the extra space before each character is where the two differ.
    const solid = await lefts('no-autospace')
    expect(solid.computed).toBe('no-autospace')
    const chars = [...MIXED_TITLE]
    const gaps = chars.slice(1).map((c, i) => {
      const shift = (k: number) => (card.lefts[k] ?? Number.NaN) - (solid.lefts[k] ?? Number.NaN)
      return { pair: `${chars[i]}${c}`, em: shift(i + 1) - shift(i) }
    })
    const mixed = (pair: string) => /\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u.test(pair)
    expect(gaps.filter((g) => mixed(g.pair)).map((g) => g.pair)).toEqual(['江G', 'P增', '长8', '8成'])
    for (const g of gaps)
      if (mixed(g.pair)) expect(g.em, g.pair).toBeCloseTo(0.125, 2)
      else expect(Math.abs(g.em), g.pair).toBeLessThan(0.01)
    await page.close()
  })

  it.each([
    ['Traditional (zh-TW)', 'Noto Sans CJK TC', HANT_FEED, 'Noto Sans CJK SC'],
    ['Simplified', 'Noto Sans CJK SC', '/feeds/broadsheet-zh.json', 'Noto Sans CJK TC'],
  ])('draws a %s card title in %s, as its pages do', async (_script, face, path, other) => {
    const page = await cardsPage(path)
    // The fonts Chromium actually drew the title's text with (DevTools protocol), not only the declared stack.
    const cdp = await stage.browser.context.newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true })
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.getElementById('w').shadowRoot.querySelector('.title a')`,
    })
    if (!result.objectId) throw new Error('no card title')
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId })
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    const drawn = fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName)
    expect(drawn).toContain(face)
    expect(drawn).not.toContain(other)
    const declared = await page
      .locator('#w')
      .evaluate((host) => getComputedStyle(host.shadowRoot?.querySelector('.title') as Element).fontFamily)
    expect(declared).toContain(face)
    await cdp.detach()
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
