/** Each attribute of `<broadsheet-cards>`, on a strict partner page, against the fixture feeds. */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FeedServer } from '../helpers/feed-server.ts'
import type { Chromium } from '../helpers/launch-chromium.ts'
import type { PartnerServer } from '../helpers/partner-server.ts'
import { readWidget, waitForEvent } from './read-widget.ts'
import { startWidgetStage, type WidgetStage } from './widget-stage.ts'

let browser: Chromium
let feed: FeedServer
let partner: PartnerServer

let stage: WidgetStage

beforeAll(async () => {
  stage = await startWidgetStage()
  ;({ browser, feed, partner } = stage)
})

afterAll(() => stage?.close())

/** Opens a partner page with one widget `#w` on fixture `name` and waits for its first `broadsheet-load`. */
async function open(name: string, attrs = ''): Promise<Page> {
  const page = await browser.context.newPage()
  const w = feed.origin
  await page.goto(
    partner.page({
      scripts: [`${w}/widget.js`],
      body: `<broadsheet-cards id="w" src="${w}/feeds/${name}" ${attrs}><a href="${w}/">news</a></broadsheet-cards>`,
    }),
  )
  await waitForEvent(page, 'broadsheet-load', 'w')
  return page
}

const cardStyle = (page: Page, property: string) =>
  page.evaluate((p) => {
    const el = document.getElementById('w')?.shadowRoot?.querySelector('.card')
    return el ? getComputedStyle(el).getPropertyValue(p) : ''
  }, property)

const listStyle = (page: Page, property: string) =>
  page.evaluate((p) => {
    const el = document.getElementById('w')?.shadowRoot?.querySelector('.cards')
    return el ? getComputedStyle(el).getPropertyValue(p) : ''
  }, property)

/** A partner page whose one widget has requested `path`, which the feed server holds until `release()`. */
async function openWithHeldFeed(path: string) {
  const release = feed.hold(path)
  const before = feed.seen.length
  const page = await browser.context.newPage()
  const w = feed.origin
  await page.goto(
    partner.page({
      scripts: [`${w}/widget.js`],
      body: `<broadsheet-cards id="w" src="${w}${path}"></broadsheet-cards>`,
    }),
  )
  const fresh = () => feed.seen.slice(before).filter((r) => r.path === path)
  await expect.poll(() => fresh().length).toBe(1)
  return { page, pending: fresh()[0], release }
}

describe('<broadsheet-cards> attributes', () => {
  it('src: renders a plain JSON Feed from title, summary/content and image, in the feed language', async () => {
    const page = await open('plain.json')
    const seen = await readWidget(page, 'w')
    expect(seen.rootLang).toBe('en')
    expect(seen.cards.map((c) => [c.title, c.excerpt, c.caption, c.credit])).toEqual([
      ['Harbour reopens', 'The harbour reopened after the storm.', '', ''],
      ['Council votes on park', 'The council approved the new park.', '', ''],
      ['Library extends hours', 'Open until nine from Monday.', '', ''],
    ])
    expect(seen.cards.map((c) => c.imgAlt)).toEqual(['', null, null])
    await page.close()
  })

  it('section: shows only the item of that section id', async () => {
    const page = await open('broadsheet-zh.json', 'section="bridge-repair"')
    expect((await readWidget(page, 'w')).cards.map((c) => c.title)).toEqual(['老桥维修'])
    await page.close()
  })

  it('limit: caps the cards, and a new limit re-renders without another request', async () => {
    const page = await open('broadsheet-zh.json', 'limit="2"')
    expect((await readWidget(page, 'w')).cards).toHaveLength(2)
    const requests = feed.seen.length
    await page.evaluate(() => document.getElementById('w')?.setAttribute('limit', '5'))
    await expect.poll(async () => (await readWidget(page, 'w')).cards.length).toBe(5)
    expect(feed.seen.slice(requests).filter((r) => r.path.startsWith('/feeds/'))).toEqual([])
    await page.close()
  })

  it('layout: list is one column, grid several, carousel a snapping horizontal scroller', async () => {
    const page = await open('broadsheet-zh.json', 'limit="6"')
    const columns = async () => (await listStyle(page, 'grid-template-columns')).split(' ').length
    expect(await columns()).toBe(1)
    await page.evaluate(() => document.getElementById('w')?.setAttribute('layout', 'grid'))
    expect(await columns()).toBeGreaterThan(1)
    await page.evaluate(() => document.getElementById('w')?.setAttribute('layout', 'carousel'))
    expect(await listStyle(page, 'overflow-x')).toBe('auto')
    expect(await listStyle(page, 'scroll-snap-type')).toBe('x mandatory')
    expect(await cardStyle(page, 'scroll-snap-align')).toBe('start')
    await page.close()
  })

  it('theme: dark and light are forced; auto follows prefers-color-scheme', async () => {
    const page = await open('broadsheet-zh.json', 'limit="1" theme="dark"')
    expect(await cardStyle(page, 'background-color')).toBe('rgb(22, 24, 27)')
    await page.evaluate(() => document.getElementById('w')?.setAttribute('theme', 'light'))
    expect(await cardStyle(page, 'background-color')).toBe('rgb(255, 255, 255)')
    await page.evaluate(() => document.getElementById('w')?.setAttribute('theme', 'auto'))
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await cardStyle(page, 'background-color')).toBe('rgb(22, 24, 27)')
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await cardStyle(page, 'background-color')).toBe('rgb(255, 255, 255)')
    await page.close()
  })

  it('heading-level: sets the aria-level of every card title (default 3)', async () => {
    const page = await open('broadsheet-zh.json', 'limit="2"')
    expect((await readWidget(page, 'w')).cards.map((c) => c.headingLevel)).toEqual(['3', '3'])
    await page.evaluate(() => document.getElementById('w')?.setAttribute('heading-level', '2'))
    await expect
      .poll(async () => (await readWidget(page, 'w')).cards.map((c) => c.headingLevel))
      .toEqual(['2', '2'])
    await page.close()
  })

  it('target: _blank opens a new tab with rel=noopener; the default stays in the tab', async () => {
    const page = await open('broadsheet-zh.json', 'limit="1"')
    expect((await readWidget(page, 'w')).cards[0]).toMatchObject({ target: '_self', rel: null })
    await page.evaluate(() => document.getElementById('w')?.setAttribute('target', '_blank'))
    await expect
      .poll(async () => (await readWidget(page, 'w')).cards[0])
      .toMatchObject({ target: '_blank', rel: 'noopener' })
    await page.close()
  })

  it('lang: English UI strings and credit over a Chinese feed, whose text keeps lang=zh-CN', async () => {
    const page = await open('broadsheet-zh.json', 'limit="2" lang="en"')
    const seen = await readWidget(page, 'w')
    expect(seen.rootLang).toBe('zh-CN')
    expect(seen.cards[0]?.date).toBe('Dec 22, 2020')
    expect(seen.cards.map((c) => [c.credit, c.creditLang])).toEqual([
      ['Photo: 石亮 (staff reporter)', 'en'],
      ['Photo: 王芳 (correspondent)', 'en'],
    ])
    await page.evaluate(() => document.getElementById('w')?.removeAttribute('lang'))
    await expect.poll(async () => (await readWidget(page, 'w')).cards[0]?.credit).toBe('记者 石亮 摄')
    expect((await readWidget(page, 'w')).cards[0]?.date).toBe('2020年12月22日')
    await page.close()
  })

  it('src change: aborts the pending request and shows only the new feed', async () => {
    const { page, pending, release } = await openWithHeldFeed('/feeds/broadsheet-zh.json')
    const w = feed.origin
    await page.evaluate(
      (src) => document.getElementById('w')?.setAttribute('src', src),
      `${w}/feeds/plain.json`,
    )
    const loads = await waitForEvent(page, 'broadsheet-load', 'w')
    await expect.poll(() => pending?.aborted).toBe(true)
    release()
    expect(loads).toEqual([{ src: `${w}/feeds/plain.json`, count: 3 }])
    expect((await readWidget(page, 'w')).cards[0]?.title).toBe('Harbour reopens')
    await page.close()
  })

  it('removal: aborts the pending request', async () => {
    const { page, pending, release } = await openWithHeldFeed('/feeds/empty.json')
    await page.evaluate(() => document.getElementById('w')?.remove())
    await expect.poll(() => pending?.aborted).toBe(true)
    release()
    await page.close()
  })
})
