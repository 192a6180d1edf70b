/** `<broadsheet-cards>` for every reader: axe-core in both themes, 280-1200 px containers, the carousel's motion. */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FeedServer } from '../helpers/feed-server.ts'
import type { Chromium } from '../helpers/launch-chromium.ts'
import type { PartnerServer } from '../helpers/partner-server.ts'
import { waitForEvent } from './read-widget.ts'
import { waitForFrames } from './wait-for-frames.ts'
import { startWidgetStage, type WidgetStage } from './widget-stage.ts'

declare global {
  interface Window {
    axe: { run(context: Element | null): Promise<{ violations: { id: string; help: string }[] }> }
  }
}

let browser: Chromium
let feed: FeedServer
let partner: PartnerServer

let stage: WidgetStage

beforeAll(async () => {
  stage = await startWidgetStage()
  ;({ browser, feed, partner } = stage)
})

afterAll(() => stage?.close())

/** `strict: false` for axe only: the partner CSP would (rightly) block the injected axe script. */
async function open(attrs: string, strict = true): Promise<Page> {
  const page = await browser.context.newPage()
  const w = feed.origin
  await page.goto(
    partner.page({
      strict,
      scripts: [`${w}/widget.js`],
      body: `<h2>Partner news</h2><broadsheet-cards id="w" src="${w}/feeds/broadsheet-zh.json" ${attrs}></broadsheet-cards>`,
    }),
  )
  await waitForEvent(page, 'broadsheet-load', 'w')
  return page
}

describe('<broadsheet-cards> accessibility', () => {
  for (const theme of ['light', 'dark'])
    it(`has no axe-core violations in the ${theme} theme, as a list and as a carousel`, async () => {
      const page = await open(`theme="${theme}" limit="4"`, false)
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
      const found: string[] = []
      for (const layout of ['list', 'carousel']) {
        await page.evaluate((l) => document.getElementById('w')?.setAttribute('layout', l), layout)
        const { violations } = await page.evaluate(() => window.axe.run(document.getElementById('w')))
        found.push(...violations.map((v) => `${layout} ${v.id}: ${v.help}`))
      }
      expect(found).toEqual([])
      await page.close()
    })

  it('shows a visible focus ring on the focused card', async () => {
    const page = await open('limit="2"')
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => {
      const card = document.getElementById('w')?.shadowRoot?.querySelector('.card')
      return card ? [getComputedStyle(card).outlineStyle, getComputedStyle(card).outlineWidth] : []
    })
    expect(outline).toEqual(['solid', '3px'])
    await page.close()
  })
})

describe('<broadsheet-cards> container sizes', () => {
  it('fits containers from 280 px to 1200 px in every layout without horizontal overflow', async () => {
    const page = await open('limit="6"')
    await page.setViewportSize({ width: 1300, height: 900 })
    const overflows: string[] = []
    for (const layout of ['list', 'grid', 'carousel'])
      for (const width of [280, 360, 560, 800, 1200]) {
        const found = await page.evaluate(
          ([l, px]) => {
            const host = document.getElementById('w')
            if (!host?.shadowRoot) return ['no widget']
            host.style.width = `${px}px`
            host.setAttribute('layout', String(l))
            return new Promise<string[]>((resolve) =>
              requestAnimationFrame(() => {
                const boxes = [
                  host,
                  ...(host.shadowRoot?.querySelectorAll<HTMLElement>('.card, .text, figure') ?? []),
                ]
                resolve(
                  boxes
                    .filter((b) => b.scrollWidth > b.clientWidth + 1)
                    .map((b) => `${l}@${px}: ${b.className || b.tagName}`),
                )
              }),
            )
          },
          [layout, width] as const,
        )
        overflows.push(...found)
      }
    expect(overflows).toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true)
    await page.close()
  })
})

describe('<broadsheet-cards layout="carousel">', () => {
  /** The carousel's scroll position and computed scroll-behavior (no eval: the page's CSP forbids it). */
  const carousel = (page: Page) =>
    page.evaluate(() => {
      const el = document.getElementById('w')?.shadowRoot?.querySelector<HTMLElement>('.cards')
      return { left: el?.scrollLeft, behavior: el ? getComputedStyle(el).scrollBehavior : '' }
    })

  it('snaps to a card start, never scrolls by itself, and honours reduced motion', async () => {
    const page = await open('layout="carousel" limit="6"')
    expect((await carousel(page)).behavior).toBe('smooth')
    // A second of frames (60 at 60 Hz): an autoplaying carousel would have moved by then.
    await waitForFrames(page, 60)
    expect((await carousel(page)).left).toBe(0)
    await page.evaluate(() => {
      const el = document.getElementById('w')?.shadowRoot?.querySelector('.cards')
      el?.scrollTo({ left: 40, behavior: 'instant' })
    })
    // Snapping settles where the scroll ends: wait for a resting position that is a card start (or time out).
    await page.waitForFunction(() => {
      const el = document.getElementById('w')?.shadowRoot?.querySelector<HTMLElement>('.cards')
      const cards = [...(el?.querySelectorAll<HTMLElement>('.card') ?? [])]
      const starts = cards.map((c) => c.offsetLeft - (cards[0]?.offsetLeft ?? 0))
      return el !== null && el !== undefined && el.scrollLeft !== 40 && starts.includes(el.scrollLeft)
    })
    await waitForFrames(page)
    const starts = await page.evaluate(() => {
      const el = document.getElementById('w')?.shadowRoot?.querySelector<HTMLElement>('.cards')
      const cards = [...(el?.querySelectorAll<HTMLElement>('.card') ?? [])]
      return { left: el?.scrollLeft, starts: cards.map((c) => c.offsetLeft - (cards[0]?.offsetLeft ?? 0)) }
    })
    expect(starts.starts).toContain(starts.left)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect((await carousel(page)).behavior).toBe('auto')
    expect(await page.evaluate(() => window.__violations)).toEqual([])
    await page.close()
  })
})
