/** The published site end to end: wrangler dev serves /widget.js and the feed; a partner page on another origin embeds them. */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { type PartnerServer, startPartnerServer } from '../helpers/partner-server.ts'
import { type DevServer, startPublishedWorker } from '../helpers/wrangler-dev.ts'
import { readWidget, waitForEvent } from './read-widget.ts'
import { builtWidgetHash } from './widget-stage.ts'

let worker: DevServer
let partner: PartnerServer
let browser: Chromium
let hash = ''

beforeAll(async () => {
  hash = await builtWidgetHash()
  worker = await startPublishedWorker()
  partner = await startPartnerServer(worker.url)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await partner?.close()
  await worker?.stop()
})

describe('GET /widget.js and /widget.<hash>.js', () => {
  it('serves the build as JavaScript with CORS: short cache unpinned, immutable pinned', async () => {
    const built = await readFile('dist/assets/widget.js', 'utf8')
    const latest = await fetch(`${worker.url}/widget.js`)
    expect(latest.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(latest.headers.get('access-control-allow-origin')).toBe('*')
    expect(latest.headers.get('cache-control')).toMatch(/max-age=300\b/)
    expect(latest.headers.get('etag')).toMatch(/^"/)
    expect(await latest.text()).toBe(built)
    const pinned = await fetch(`${worker.url}/widget.${hash}.js`)
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await pinned.text()).toBe(built)
    expect((await fetch(`${worker.url}/widget.0000000g.js`)).status).toBe(404)
  })
})

describe('<broadsheet-cards> against the real Worker', () => {
  it('renders the published article as cards with captions and credits on a strict partner page', async () => {
    const page = await browser.context.newPage()
    const w = worker.url
    await page.goto(
      partner.page({
        scripts: [`${w}/widget.js`, `${w}/widget.${hash}.js`],
        body: `<broadsheet-cards id="w" src="${w}/feeds/qijiang-strategic-pivot.json" limit="3"><a href="${w}/articles/qijiang-strategic-pivot">一个主城都市区的重要战略支点</a></broadsheet-cards>`,
      }),
    )
    const [detail] = await waitForEvent(page, 'broadsheet-load', 'w')
    expect(detail).toEqual({ src: `${w}/feeds/qijiang-strategic-pivot.json`, count: 3 })
    const seen = await readWidget(page, 'w')
    expect(seen.rootLang).toBe('zh-CN')
    expect(seen.cards[0]).toMatchObject({
      title: '綦万“三化”发展注入新动能',
      href: `${w}/articles/qijiang-strategic-pivot/wanqi-integration`,
      caption: '綦江城区一景。',
      credit: '记者 石亮 摄',
      imgAlt: '綦江城区的楼群与街道',
      imgVisible: true,
    })
    // Images load lazily and asynchronously: wait (bounded) until all three have decoded, rather than sampling once.
    const allLoaded = () =>
      [...(document.getElementById('w')?.shadowRoot?.querySelectorAll('img') ?? [])].map(
        (i) => i.complete && i.naturalWidth > 0,
      )
    await page
      .waitForFunction(
        () => {
          const imgs = [...(document.getElementById('w')?.shadowRoot?.querySelectorAll('img') ?? [])]
          return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0)
        },
        undefined,
        { timeout: 20_000 },
      )
      .catch(() => {})
    expect(await page.evaluate(allLoaded)).toEqual([true, true, true])
    expect(await page.evaluate(() => window.__violations)).toEqual([])
    await page.close()
  })

  it("shows the Traditional (zh-TW) edition its src names, in Traditional script with the feed's credit line", async () => {
    const page = await browser.context.newPage()
    const w = worker.url
    await page.goto(
      partner.page({
        scripts: [`${w}/widget.js`],
        body: `<broadsheet-cards id="w" src="${w}/zh-tw/feeds/qijiang-strategic-pivot.json" limit="3"><a href="${w}/zh-tw/articles/qijiang-strategic-pivot">一個主城都市區的重要戰略支點</a></broadsheet-cards>`,
      }),
    )
    const [detail] = await waitForEvent(page, 'broadsheet-load', 'w')
    expect(detail).toEqual({ src: `${w}/zh-tw/feeds/qijiang-strategic-pivot.json`, count: 3 })
    const seen = await readWidget(page, 'w')
    expect(seen.rootLang).toBe('zh-TW')
    expect(seen.cards[0]).toMatchObject({
      title: '綦萬「三化」發展注入新動能',
      href: `${w}/zh-tw/articles/qijiang-strategic-pivot/wanqi-integration`,
      caption: '綦江城區一景。',
      credit: '記者 石亮 攝',
      creditLang: 'zh-TW',
    })
    expect(seen.cards.map((c) => c.credit).join('')).not.toMatch(/[记摄]/)
    await page.close()
  })
})
