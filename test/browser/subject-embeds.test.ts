/**
 * Embedding a topic or a person: the embed builder on the real Worker's pages (wrangler dev, content published with
 * content:publish: the seed plus three generated articles tagged 綦江) offers the whole paper, topics, people and
 * articles; the topic's JSON Feed as the widget's src shows cards of several articles, newest first; the snippet of a
 * person's page, pasted into a partner's page, shows that photographer's photos as cards.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateContent } from '../helpers/generate-content.ts'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { type PartnerServer, startPartnerServer } from '../helpers/partner-server.ts'
import { type DevServer, startPublishedWorker } from '../helpers/wrangler-dev.ts'
import { readWidget, waitForEvent } from './read-widget.ts'

let work = ''
let worker: DevServer
let browser: Chromium
let partner: PartnerServer

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-embeds-'))
  const root = join(work, 'content')
  await cp('content', root, { recursive: true })
  // Three more articles tagged 綦江 (published 2020-01-01, 02-02, 03-03; the seed 2020-12-22), one section each.
  await generateContent(root, { articles: 3, sections: 1, photos: 0 })
  worker = await startPublishedWorker(root)
  browser = await launchChromium()
  partner = await startPartnerServer(worker.url)
}, 240_000)

afterAll(async () => {
  await partner?.close()
  await browser?.close()
  await worker?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

/** The builder's choices as [group label, [value, text]…]. */
function choices(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('broadsheet-embed-builder optgroup')].map((g) => [
      g.getAttribute('label'),
      [...g.querySelectorAll('option')].map((o) => [o.value, o.text]),
    ]),
  )
}

/** The article slug of each card the builder's preview shows, in order. */
function previewArticles(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('broadsheet-embed-builder broadsheet-cards')?.shadowRoot
    const slugs = [...(root?.querySelectorAll('li.card:not(.skeleton) a') ?? [])].map(
      (a) => /\/articles\/([^/]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? '',
    )
    // No card: what the widget says instead (its error or empty state), so a failure shows why.
    return slugs.length > 0 ? slugs : [root?.querySelector('.state')?.textContent?.trim() ?? 'no widget']
  })
}

describe('<broadsheet-embed-builder> on the published site', () => {
  it('offers the whole paper, the topics and the articles on the home page, and builds a topic snippet', async () => {
    const page = await browser.context.newPage()
    const w = worker.url
    await page.goto(`${w}/`)
    await page.waitForFunction(
      () => document.querySelector('broadsheet-embed-builder textarea') !== null,
      undefined,
      {
        timeout: 20_000,
      },
    )
    const offered = await choices(page)
    expect(offered.map(([label]) => label)).toEqual(['全部文章订阅', '话题', '文章'])
    expect(offered[0]?.[1]).toEqual([['all', 'Broadsheet']])
    expect(offered[1]?.[1]).toEqual([
      ['topics/qijiang', '綦江'],
      ['topics/main-urban-area', '主城都市区'],
      ['topics/qijiang-wansheng-integration', '綦万一体化'],
      ['topics/bench', '基准'],
    ])
    await page.locator('broadsheet-embed-builder select').nth(0).selectOption('topics/qijiang')
    expect(await page.locator('broadsheet-embed-builder textarea').inputValue()).toBe(
      `<script type="module" src="${w}/widget.js"></script>\n` +
        `<broadsheet-cards src="${w}/feeds/topics/qijiang.json"><a href="${w}/topics/qijiang">綦江</a></broadsheet-cards>`,
    )
    // The live preview is the widget on the topic's feed: its 6 newest items (the widget's default limit) are the
    // seed's 4 and one each of the two newest generated articles, newest first. The widget fetches only near the
    // viewport, and the builder is at the foot of the home page.
    await page.locator('broadsheet-embed-builder broadsheet-cards').scrollIntoViewIfNeeded()
    await expect
      .poll(async () => [...new Set(await previewArticles(page))], { timeout: 20_000 })
      .toEqual(['qijiang-strategic-pivot', 'bench-article-2', 'bench-article-1'])
    await page.close()
  })

  it('offers every person with a published feed on the people list, and builds a person snippet', async () => {
    const page = await browser.context.newPage()
    const w = worker.url
    await page.goto(`${w}/people`)
    await page.waitForFunction(
      () => document.querySelector('broadsheet-embed-builder textarea') !== null,
      undefined,
      {
        timeout: 20_000,
      },
    )
    const offered = await choices(page)
    expect(offered.map(([label]) => label)).toEqual(['全部文章订阅', '作者与摄影'])
    expect(offered[1]?.[1]).toContainEqual(['people/shi-liang', '石亮'])
    await page.locator('broadsheet-embed-builder select').nth(0).selectOption('people/shi-liang')
    await page.locator('broadsheet-embed-builder select').nth(1).selectOption('grid')
    expect(await page.locator('broadsheet-embed-builder textarea').inputValue()).toBe(
      `<script type="module" src="${w}/widget.js"></script>\n` +
        `<broadsheet-cards src="${w}/feeds/people/shi-liang.json" layout="grid"><a href="${w}/people/shi-liang">石亮</a></broadsheet-cards>`,
    )
    await page.locator('broadsheet-embed-builder broadsheet-cards').scrollIntoViewIfNeeded()
    await expect
      .poll(async () => [...new Set(await previewArticles(page))], { timeout: 20_000 })
      .toEqual(['qijiang-strategic-pivot'])
    await page.close()
  })

  it("shows 石亮's photos as cards on a partner's page (another origin, strict CSP) that pasted the snippet of his page", async () => {
    const source = await browser.context.newPage()
    await source.goto(`${worker.url}/people/shi-liang`)
    // What a partner copies: the snippet the person page shows under its embed heading.
    const snippet = (await source.locator('#embed pre code').textContent()) ?? ''
    await source.close()
    // The snippet as pasted; the id only lets the test read the element's shadow root.
    const body = snippet.replace('<broadsheet-cards ', '<broadsheet-cards id="w" ')
    expect(body).toContain(`src="${worker.url}/feeds/people/shi-liang.json"`)
    const page = await browser.context.newPage()
    await page.goto(partner.page({ body }))
    const [detail] = await waitForEvent(page, 'broadsheet-load', 'w')
    expect(detail).toEqual({ src: `${worker.url}/feeds/people/shi-liang.json`, count: 1 })
    const seen = await readWidget(page, 'w')
    // The seed's one photo by 石亮, in its first section: the card shows it with his credit.
    expect(seen.cards.map((c) => [c.href, c.caption, c.credit])).toEqual([
      [`${worker.url}/articles/qijiang-strategic-pivot/wanqi-integration`, '綦江城区一景。', '记者 石亮 摄'],
    ])
    await expect
      .poll(async () => (await readWidget(page, 'w')).cards[0]?.imgVisible, { timeout: 20_000 })
      .toBe(true)
    expect(await page.evaluate(() => window.__violations)).toEqual([])
    await page.close()
  })
})
