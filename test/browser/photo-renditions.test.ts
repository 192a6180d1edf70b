/** Chromium chooses renditions: a small one for a 320 px widget card, the column's width on the article page. */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { type PartnerServer, startPartnerServer } from '../helpers/partner-server.ts'
import { type DevServer, startPublishedWorker } from '../helpers/wrangler-dev.ts'
import { waitForEvent } from './read-widget.ts'

let worker: DevServer
let partner: PartnerServer
let browser: Chromium
/** Every rendition URL the article page offers (its <picture> srcsets), with its type and width. */
const renditions = new Map<string, { type: string; width: number }>()
const TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' }

beforeAll(async () => {
  worker = await startPublishedWorker()
  partner = await startPartnerServer(worker.url)
  browser = await launchChromium()
  // The page lists every rendition (AVIF, WebP, JPEG); the widget's feed lists its WebP set only.
  const html = await (await fetch(`${worker.url}/articles/qijiang-strategic-pivot`)).text()
  for (const [, srcset] of html.matchAll(/srcset="([^"]+)"/g))
    for (const candidate of (srcset ?? '').split(',')) {
      const [url, w] = candidate.trim().split(/\s+/)
      const type = TYPES[url?.split('.').at(-1) ?? '']
      if (url && type && w?.endsWith('w')) renditions.set(url, { type, width: Number.parseInt(w, 10) })
    }
  expect(new Set([...renditions.values()].map((r) => r.type))).toEqual(new Set(Object.values(TYPES)))
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await partner?.close()
  await worker?.stop()
})

/** Emulates a screen `width` CSS px wide at `ratio` device pixels per CSS pixel. */
async function screen(page: Page, width: number, ratio: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width,
    height: 900,
    deviceScaleFactor: ratio,
    mobile: false,
  })
}

/** The rendition the browser chose for the first photo (in the widget `w`, or on the page) once it is in view. */
async function chosen(page: Page, where: 'widget' | 'page') {
  const seen = await page.waitForFunction((inWidget) => {
    const root = inWidget ? document.getElementById('w')?.shadowRoot : document
    const img = root?.querySelector('img')
    if (!img) return null
    img.scrollIntoView()
    return img.currentSrc ? { src: img.currentSrc, laidOut: img.getBoundingClientRect().width } : null
  }, where === 'widget')
  const value = await seen.jsonValue()
  if (!value) throw new Error('no image')
  return { ...value, rendition: renditions.get(value.src) }
}

describe('responsive photos in Chromium', () => {
  it('loads a 320 px WebP for a widget card 320 px wide (device pixel ratio 1)', async () => {
    const page = await browser.context.newPage()
    await screen(page, 1280, 1)
    const w = worker.url
    await page.goto(
      partner.page({
        scripts: [`${w}/widget.js`],
        // Not strict: the partner CSP (style-src 'self') would rightly refuse this inline width.
        strict: false,
        body: `<div style="width:320px"><broadsheet-cards id="w" src="${w}/feeds/qijiang-strategic-pivot.json" limit="1"></broadsheet-cards></div>`,
      }),
    )
    await waitForEvent(page, 'broadsheet-load', 'w')
    const card = await chosen(page, 'widget')
    expect(card.laidOut).toBeLessThanOrEqual(320)
    expect(card.rendition).toEqual({ type: 'image/webp', width: 320 })
    await page.close()
  })

  it('loads the rendition covering the 606 px column on a 1280 px article page, and the largest at 2x', async () => {
    const w = worker.url
    const widths: number[] = []
    for (const ratio of [1, 2]) {
      const page = await browser.context.newPage()
      await screen(page, 1280, ratio)
      await page.goto(`${w}/articles/qijiang-strategic-pivot`)
      const photo = await chosen(page, 'page')
      expect(photo.laidOut).toBe(606)
      // Chromium decodes AVIF: the first <source> wins.
      expect(photo.rendition?.type).toBe('image/avif')
      widths.push(photo.rendition?.width ?? 0)
      await page.close()
    }
    expect(widths).toEqual([640, 1600])
  })
})
