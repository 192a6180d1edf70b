/** Hostile values written straight into KV stay inert in Chromium: article page, home page and the widget on a partner page. */
import { rm } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { visiblePayload } from '../fixtures/hostile/hostile-article.ts'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { type PartnerServer, startPartnerServer } from '../helpers/partner-server.ts'
import { type DevServer, startWranglerDev } from '../helpers/wrangler-dev.ts'
import { putHostileContent } from './hostile-kv.ts'
import { readWidget, waitForEvent } from './read-widget.ts'

declare global {
  interface Window {
    __pwnedLog: string[]
  }
}

/** Every payload assigns window.__pwned: record each attempt instead of letting it land. */
const TRAP = `
  window.__pwnedLog = [];
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get() { return undefined },
    set(v) { window.__pwnedLog.push(String(v)) },
  });
`

const PERSIST = `test/.tmp/hostile-pages-${process.pid}`
let worker: DevServer
let partner: PartnerServer
let browser: Chromium

beforeAll(async () => {
  await putHostileContent(PERSIST)
  worker = await startWranglerDev(PERSIST)
  partner = await startPartnerServer(worker.url)
  browser = await launchChromium()
  await browser.context.addInitScript({ content: TRAP })
})

afterAll(async () => {
  await browser?.close()
  await partner?.close()
  await worker?.stop()
  await rm(PERSIST, { recursive: true, force: true })
})

/** Opens a page with every way a script could show itself recorded: dialogs, console errors, page errors. */
async function open(url: string): Promise<{ page: Page; noise: string[] }> {
  const page = await browser.context.newPage()
  const noise: string[] = []
  page.on('dialog', (d) => {
    noise.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('console', (m) => {
    // Without a CSP Chromium asks the partner test server for /favicon.ico, which it does not have.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      noise.push(`console: ${m.text()} (${m.location().url})`)
  })
  page.on('pageerror', (e) => noise.push(`pageerror: ${e.message}`))
  page.on('response', (r) => r.status() >= 400 && noise.push(`${r.status()} ${r.url()}`))
  await page.goto(url, { waitUntil: 'load' })
  return { page, noise }
}

/** What would betray injected markup, across the document and every open shadow root. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const walk = (root: Document | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? walk(el.shadowRoot) : [])])
    const elements = walk(document)
    const attr = (el: Element, name: string) => el.getAttribute(name) ?? ''
    return {
      pwned: window.__pwnedLog,
      violations: window.__violations,
      handlers: elements.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`),
      ),
      injected: elements
        .filter((el) => ['iframe', 'object', 'embed', 'svg', 'math'].includes(el.localName))
        .map((el) => el.localName),
      scripts: elements
        .filter((el) => el.localName === 'script')
        .map((el) => `${attr(el, 'type')} ${attr(el, 'src') || 'inline'}`.replace(/^https?:\/\/[^/]+/, '')),
      badUrls: elements.flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster']
          .map((n) => attr(el, n))
          .filter((v) => /^\s*(?:javascript|data|vbscript):/i.test(v) || v === 'x'),
      ),
      text: document.body.textContent ?? '',
    }
  })
}

/** Nothing ran, nothing broke, nothing was injected: no payload write, no page noise, CSP intact, no handler, no element, no script URL. */
function expectInert(seen: Awaited<ReturnType<typeof inspect>>, noise: string[]): void {
  expect(seen.pwned).toEqual([])
  expect(noise).toEqual([])
  expect(seen.violations).toEqual([])
  expect(seen.handlers).toEqual([])
  expect(seen.injected).toEqual([])
  expect(seen.badUrls).toEqual([])
}

describe('the detectors', () => {
  it('catch a payload that is not escaped (so a clean result means something)', async () => {
    const { page } = await open(
      partner.page({ strict: false, body: `<img src="/missing.png" onerror="window.__pwned='probe'">` }),
    )
    await page.waitForFunction(() => window.__pwnedLog.length > 0, undefined, { timeout: 5_000 })
    const seen = await inspect(page)
    expect(seen.pwned).toEqual(['probe'])
    expect(seen.handlers).toEqual(['<img onerror>'])
    await page.close()
  })
})

describe('/articles/:slug of a hostile article', () => {
  it('runs no payload, injects no element, handler or script URL, and shows every field as text', async () => {
    const { page, noise } = await open(`${worker.url}/articles/hostile`)
    const seen = await inspect(page)
    expectInert(seen, noise)
    expect(seen.scripts).toEqual(['application/ld+json inline'])
    for (const field of [
      'title',
      'dek',
      'byline',
      'lede',
      'heading',
      'paragraph',
      'section-caption',
      'section-credit',
    ])
      expect(seen.text).toContain(visiblePayload(field))
    const alts = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))
    expect(alts).toEqual([visiblePayload('section-alt'), '示意图 second'])
    await page.close()
  })
})

describe('/ listing a hostile article, with the live widget preview', () => {
  it('runs no payload and shows the title as text, in the list and in the builder', async () => {
    const { page, noise } = await open(`${worker.url}/`)
    // The builder's live preview loads the hostile article's feed into a real widget.
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'broadsheet-load'), undefined, {
      timeout: 10_000,
    })
    const seen = await inspect(page)
    expectInert(seen, noise)
    expect(seen.text).toContain(visiblePayload('title'))
    await page.close()
  })
})

describe('<broadsheet-cards> on a partner page, fed the hostile feeds', () => {
  it.each([
    ['without a CSP (escaping alone must hold)', false],
    ['under a strict CSP (nothing is even attempted)', true],
  ])('%s runs no payload and shows captions and titles as text', async (_, strict) => {
    const w = worker.url
    const { page, noise } = await open(
      partner.page({
        strict,
        scripts: [`${w}/widget.js`],
        body:
          `<broadsheet-cards id="one" src="${w}/feeds/hostile.json"></broadsheet-cards>` +
          `<broadsheet-cards id="all" src="${w}/feeds/all.json" layout="grid"></broadsheet-cards>`,
      }),
    )
    await waitForEvent(page, 'broadsheet-load', 'one')
    await waitForEvent(page, 'broadsheet-load', 'all')
    const seen = await inspect(page)
    expectInert(seen, noise)
    for (const id of ['one', 'all']) {
      const { cards } = await readWidget(page, id)
      expect(cards[0]?.title).toBe(visiblePayload('heading'))
      expect(cards[0]?.href).toBe(`${w}/articles/hostile/first`)
      expect(cards[0]?.caption).toContain(visiblePayload('section-caption'))
      expect(cards[0]?.imgAlt).toBe(visiblePayload('section-alt'))
    }
    await page.close()
  })
})
