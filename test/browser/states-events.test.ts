/** The states of `<broadsheet-cards>` (skeleton, empty, error + retry) and its typed events, on a strict partner page. */
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

async function open(name: string, attrs = '', lang = 'en'): Promise<Page> {
  const page = await browser.context.newPage()
  const w = feed.origin
  await page.goto(
    partner.page({
      lang,
      scripts: [`${w}/widget.js`],
      body: `<broadsheet-cards id="w" src="${w}/feeds/${name}" ${attrs}></broadsheet-cards>`,
    }),
  )
  return page
}

describe('<broadsheet-cards> states', () => {
  it('shows `limit` skeleton cards and a status message while loading', async () => {
    const release = feed.hold('/feeds/broadsheet-zh.json')
    const page = await open('broadsheet-zh.json', 'limit="4"', 'zh-CN')
    await expect.poll(async () => (await readWidget(page, 'w')).skeletons).toBe(4)
    const status = await page.evaluate(
      () => document.getElementById('w')?.shadowRoot?.querySelector('[role=status]')?.textContent,
    )
    expect(status).toBe('正在加载报道…')
    release()
    await waitForEvent(page, 'broadsheet-load', 'w')
    expect(await readWidget(page, 'w')).toMatchObject({ skeletons: 0 })
    await page.close()
  })

  it('shows the empty state in the feed language and reports count 0', async () => {
    const page = await open('empty.json')
    const [detail] = await waitForEvent(page, 'broadsheet-load', 'w')
    expect(detail).toEqual({ src: `${feed.origin}/feeds/empty.json`, count: 0 })
    expect((await readWidget(page, 'w')).state).toBe('暂无报道。')
    await page.close()
  })

  it('shows an error with a retry button that loads the feed again', async () => {
    feed.fail('/feeds/plain.json', 503, 1)
    const page = await open('plain.json')
    const [detail] = await waitForEvent(page, 'broadsheet-error', 'w')
    expect(detail).toEqual({ src: `${feed.origin}/feeds/plain.json`, message: 'HTTP 503', status: 503 })
    expect((await readWidget(page, 'w')).state).toBe('The stories could not be loaded.Try again')
    await page.evaluate(() => document.getElementById('w')?.shadowRoot?.querySelector('button')?.focus())
    await page.keyboard.press('Enter')
    const [loaded] = await waitForEvent(page, 'broadsheet-load', 'w')
    expect(loaded).toEqual({ src: `${feed.origin}/feeds/plain.json`, count: 3 })
    await page.close()
  })

  it('reports a document that is not a JSON Feed as an error without a status', async () => {
    const page = await open('not-a-feed.json')
    const [detail] = await waitForEvent(page, 'broadsheet-error', 'w')
    expect(detail).toEqual({
      src: `${feed.origin}/feeds/not-a-feed.json`,
      message: 'not a JSON Feed (no jsonfeed.org version)',
    })
    await page.close()
  })

  it('shows markup in a hostile feed as text and drops javascript: and data: links', async () => {
    const page = await open('hostile.json')
    await waitForEvent(page, 'broadsheet-load', 'w')
    const seen = await readWidget(page, 'w')
    expect(seen.cards.map((c) => c.href)).toEqual([`${feed.origin}/h/1`, `${feed.origin}/h/3`])
    expect(seen.cards[0]?.title).toBe(
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>Title 1',
    )
    expect(seen.cards[0]?.credit).toContain('<script>')
    const injected = await page.evaluate(() => ({
      pwned: 'pwned' in window || '__pwned' in window,
      elements: document.getElementById('w')?.shadowRoot?.querySelectorAll('script, [onerror]').length,
      violations: window.__violations,
    }))
    expect(injected).toEqual({ pwned: false, elements: 0, violations: [] })
    await page.close()
  })
})
