/** `<broadsheet-cards>` on a partner page of another origin: strict CSP, hostile CSS, the script twice. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FeedServer } from '../helpers/feed-server.ts'
import type { Chromium } from '../helpers/launch-chromium.ts'
import type { PartnerServer } from '../helpers/partner-server.ts'
import { bundleOtherLit } from './bundle-other-lit.ts'
import { readWidget, waitForEvent } from './read-widget.ts'
import { waitForFrames } from './wait-for-frames.ts'
import { builtWidgetHash, startWidgetStage, type WidgetStage } from './widget-stage.ts'

let browser: Chromium
let feed: FeedServer
let partner: PartnerServer
let pinned: string

let stage: WidgetStage

beforeAll(async () => {
  pinned = `widget.${await builtWidgetHash()}.js`
  stage = await startWidgetStage({ '/other-lit.js': await bundleOtherLit() })
  ;({ browser, feed, partner } = stage)
})

afterAll(() => stage?.close())

/** The partner's page: the script three times (twice the same URL, once the pinned copy), text before and after. */
function partnerPage(attrs = '', scripts: string[] = []): string {
  const w = feed.origin
  return partner.page({
    scripts: [`${w}/widget.js`, `${w}/${pinned}`, `${w}/widget.js`, ...scripts],
    body: `<p><a href="#top">Partner link before</a></p>
<broadsheet-cards id="w" src="${w}/feeds/broadsheet-zh.json" ${attrs}><a href="${w}/articles/qijiang-news">綦江新闻</a></broadsheet-cards>
<p>Partner footer after the widget</p>`,
  })
}

describe('<broadsheet-cards> on a strict partner page', () => {
  it('renders cards with captions and Chinese credits despite the CSP, hostile CSS and a double include', async () => {
    const page = await browser.context.newPage()
    await page.goto(partnerPage('limit="4"'))
    const [detail] = await waitForEvent(page, 'broadsheet-load', 'w')
    expect(detail).toEqual({ src: `${feed.origin}/feeds/broadsheet-zh.json`, count: 4 })
    const seen = await readWidget(page, 'w')
    expect(seen.cards).toHaveLength(4)
    expect(seen.cards[0]).toMatchObject({
      title: '汛期预警',
      href: `${feed.origin}/articles/qijiang-news#flood-warning`,
      caption: '汛期预警：綦江沿岸启动汛期预警，沿河居民提前转移。',
      credit: '记者 石亮 摄',
      imgAlt: '汛期预警现场照片',
      imgVisible: true,
    })
    expect(seen.cards.map((c) => c.credit)).toEqual([
      '记者 石亮 摄',
      '通讯员 王芳 摄',
      '摄影记者 李军 摄',
      '特约撰稿 陈静 摄',
    ])
    const linkColor = await page.evaluate(() => {
      const a = document.getElementById('w')?.shadowRoot?.querySelector('a')
      return a ? getComputedStyle(a).color : ''
    })
    expect(linkColor).not.toBe('rgb(255, 0, 0)')
    const typography = await page.evaluate(() => {
      document.body.style.letterSpacing = '5px'
      document.body.style.lineHeight = '3'
      const title = document.getElementById('w')?.shadowRoot?.querySelector('.excerpt')
      const style = title ? getComputedStyle(title) : null
      return (
        style && [
          style.letterSpacing,
          style.lineBreak,
          style.fontFamily.split(',').at(-1)?.trim(),
          style.lineHeight,
        ]
      )
    })
    // Inherited partner styles stop at :host (all: initial); CJK line breaking and a generic font family at the end.
    expect(typography).toEqual(['normal', 'strict', 'sans-serif', '25.5px'])
    expect(await page.evaluate(() => window.__violations)).toEqual([])
    await page.close()
  })

  it('keeps the geometry from skeleton to cards: zero layout-shift entries while loading', async () => {
    const release = feed.hold('/feeds/broadsheet-zh.json')
    const page = await browser.context.newPage()
    await page.goto(partnerPage('limit="3" layout="grid"'))
    await page.waitForFunction(
      () => document.getElementById('w')?.shadowRoot?.querySelectorAll('li.skeleton').length === 3,
    )
    const box = () => page.evaluate(() => document.getElementById('w')?.getBoundingClientRect().toJSON())
    const loading = await box()
    // The fallback link → skeleton swap at upgrade is the partner's to reserve (docs/partners.md "Embed"); from here on it is ours.
    const loadingSince = await page.evaluate(() => performance.now())
    release()
    await waitForEvent(page, 'broadsheet-load', 'w')
    // Settled: every card image loaded (or failed), then two rendered frames for the layout that follows.
    await page.waitForFunction(() =>
      [...(document.getElementById('w')?.shadowRoot?.querySelectorAll('img') ?? [])].every((i) => i.complete),
    )
    await waitForFrames(page)
    expect(await box()).toEqual(loading)
    // A buffered observer holds every layout shift so far; takeRecords hands them over at once.
    const shifts = await page.evaluate((since) => {
      const observer = new PerformanceObserver(() => {})
      observer.observe({ type: 'layout-shift', buffered: true })
      const entries = observer.takeRecords()
      observer.disconnect()
      return entries.filter((e) => e.startTime >= since).length
    }, loadingSince)
    expect(shifts).toBe(0)
    await page.close()
  })

  it('gives each card exactly one tab stop', async () => {
    const page = await browser.context.newPage()
    await page.goto(partnerPage('limit="5"'))
    await waitForEvent(page, 'broadsheet-load', 'w')
    const focused: string[] = []
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab')
      focused.push(
        await page.evaluate(() => {
          const active = document.activeElement
          const inner = active?.shadowRoot?.activeElement ?? active
          return inner?.getAttribute('href') ?? inner?.tagName ?? ''
        }),
      )
    }
    const cards = (await readWidget(page, 'w')).cards.map((c) => c.href)
    expect(focused.slice(0, 6)).toEqual(['#top', ...cards])
    await page.close()
  })

  it('sends no cookies and requests nothing but the scripts, the feed and its images', async () => {
    await browser.context.addCookies([{ name: 'session', value: 'secret', domain: '127.0.0.1', path: '/' }])
    const page = await browser.context.newPage()
    const requested: string[] = []
    page.on('request', (r) => requested.push(r.url()))
    const before = feed.seen.length
    const url = partnerPage('limit="2"')
    await page.goto(url)
    await waitForEvent(page, 'broadsheet-load', 'w')
    await page.waitForLoadState('networkidle')
    const feedRequest = feed.seen.slice(before).find((r) => r.path === '/feeds/broadsheet-zh.json')
    expect(feedRequest?.cookie).toBeUndefined()
    expect(feedRequest?.origin).toBe(partner.origin)
    const others = requested.filter((r) => r !== url && r !== `${partner.origin}/hostile.css`)
    const w = feed.origin
    expect(new Set(others)).toEqual(
      new Set([
        `${w}/widget.js`,
        `${w}/${pinned}`,
        `${w}/feeds/broadsheet-zh.json`,
        `${w}/media/00a1b2c3d4e5f60718293a4b5c6d7e8f.svg`,
        `${w}/media/01a1b2c3d4e5f60718293a4b5c6d7e8f.svg`,
      ]),
    )
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual([
      'session=secret',
      0,
      0,
    ])
    await browser.context.clearCookies()
    await page.close()
  })

  it('fetches the feed only when the element nears the viewport', async () => {
    const page = await browser.context.newPage()
    const w = feed.origin
    const url = partner.page({
      scripts: [`${w}/widget.js`],
      body: `<div style-free class="spacer"></div><p>intro</p>${'<p>filler paragraph</p>'.repeat(200)}
<broadsheet-cards id="w" src="${w}/feeds/broadsheet-zh.json?far"><a href="${w}/articles/qijiang-news">綦江新闻</a></broadsheet-cards>`,
    })
    const feedRequests = () => feed.seen.filter((r) => r.path === '/feeds/broadsheet-zh.json').length
    const before = feedRequests()
    await page.goto(url)
    await page.waitForLoadState('networkidle')
    // The element is upgraded and its IntersectionObserver has had its first notification (a rendered frame).
    await page.waitForFunction(() => document.getElementById('w')?.shadowRoot?.querySelector('ul') != null)
    await waitForFrames(page)
    await page.waitForLoadState('networkidle')
    expect(feedRequests()).toBe(before)
    await page.evaluate(() => document.getElementById('w')?.scrollIntoView())
    await waitForEvent(page, 'broadsheet-load', 'w')
    expect(feedRequests()).toBe(before + 1)
    await page.close()
  })

  it('coexists with another copy of Lit on the same page', async () => {
    const page = await browser.context.newPage()
    await page.goto(partnerPage('limit="2"', [`${feed.origin}/other-lit.js`]))
    await page.evaluate(() => document.body.append(document.createElement('other-lit-element')))
    await waitForEvent(page, 'broadsheet-load', 'w')
    await page.waitForFunction(() =>
      document.querySelector('other-lit-element')?.shadowRoot?.textContent?.includes('other'),
    )
    expect((await readWidget(page, 'w')).cards).toHaveLength(2)
    expect(await page.evaluate(() => window.__violations)).toEqual([])
    await page.close()
  })

  it('shows the light-DOM fallback link when JavaScript is off', async () => {
    const page = await browser.context.newPage()
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true })
    await page.goto(partnerPage())
    const link = page.locator('#w > a')
    await expect.poll(() => link.isVisible()).toBe(true)
    expect(await link.getAttribute('href')).toBe(`${feed.origin}/articles/qijiang-news`)
    expect(await page.evaluate(() => customElements.get('broadsheet-cards') === undefined)).toBe(true)
    await page.close()
  })
})
