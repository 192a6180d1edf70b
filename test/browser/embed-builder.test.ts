/** `<broadsheet-embed-builder>`: pick an article, layout and theme; see the live preview and the snippet to copy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FeedServer, startFeedServer } from '../helpers/feed-server.ts'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { type PartnerServer, startPartnerServer } from '../helpers/partner-server.ts'

let browser: Chromium
let feed: FeedServer
let site: PartnerServer

beforeAll(async () => {
  feed = await startFeedServer()
  site = await startPartnerServer(feed.origin)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await feed?.close()
  await site?.close()
})

describe('<broadsheet-embed-builder>', () => {
  it('updates the live preview and the snippet as the article, layout and theme change', async () => {
    const page = await browser.context.newPage()
    const w = feed.origin
    await page.goto(
      site.page({
        scripts: [`${w}/widget.js`, `${w}/embed-builder.js`],
        body: `<broadsheet-embed-builder base="${w}"><option value="broadsheet-zh.json-x">綦江新闻 & 更多</option><option value="plain">Plain</option></broadsheet-embed-builder>`,
      }),
    )
    const snippet = page.locator('broadsheet-embed-builder textarea')
    await expect
      .poll(() => snippet.inputValue())
      .toBe(
        `<script type="module" src="${w}/widget.js"></script>\n` +
          `<broadsheet-cards src="${w}/feeds/broadsheet-zh.json-x.json"><a href="${w}/articles/broadsheet-zh.json-x">綦江新闻 &amp; 更多</a></broadsheet-cards>`,
      )
    const selects = page.locator('broadsheet-embed-builder select')
    await selects.nth(0).selectOption('plain')
    await selects.nth(1).selectOption('grid')
    await selects.nth(2).selectOption('dark')
    expect(await snippet.inputValue()).toContain(
      `<broadsheet-cards src="${w}/feeds/plain.json" layout="grid" theme="dark"><a href="${w}/articles/plain">Plain</a>`,
    )
    const preview = page.locator('broadsheet-embed-builder broadsheet-cards')
    expect(
      await preview.evaluate((el) => [
        el.getAttribute('src'),
        el.getAttribute('layout'),
        el.getAttribute('theme'),
      ]),
    ).toEqual([`${w}/feeds/plain.json`, 'grid', 'dark'])
    await expect
      .poll(() => preview.evaluate((el) => el.shadowRoot?.querySelectorAll('li.card').length))
      .toBe(3)
    expect(await page.evaluate(() => window.__violations)).toEqual([])
    await page.close()
  })

  it("speaks Traditional on a zh-Hant page and points the edition's snippet at the shared widget script", async () => {
    const page = await browser.context.newPage()
    const w = feed.origin
    await page.goto(
      site.page({
        lang: 'zh-Hant-TW',
        scripts: [`${w}/widget.js`, `${w}/embed-builder.js`],
        body: `<broadsheet-embed-builder base="${w}/zh-tw" origin="${w}"><option value="all">全部報導</option></broadsheet-embed-builder>`,
      }),
    )
    const snippet = page.locator('broadsheet-embed-builder textarea')
    await expect
      .poll(() => snippet.inputValue())
      .toBe(
        `<script type="module" src="${w}/widget.js"></script>\n` +
          `<broadsheet-cards src="${w}/zh-tw/feeds/all.json"><a href="${w}/zh-tw/">全部報導</a></broadsheet-cards>`,
      )
    const words = await page.locator('broadsheet-embed-builder').evaluate((el) => el.textContent ?? '')
    for (const word of ['內容', '主題', '嵌入程式碼', '複製']) expect(words).toContain(word)
    expect(words).not.toContain('复制')
    await page.close()
  })
})
