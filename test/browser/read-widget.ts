/** Reads what a `<broadsheet-cards>` shows, through its open shadow root, as plain data for assertions. */
import type { Page } from 'playwright-core'

/** One widget event as the init script of launch-chromium.ts records it. */
export interface RecordedEvent {
  type: string
  id: string
  detail: unknown
}

declare global {
  interface Window {
    __events: RecordedEvent[]
    __violations: string[]
  }
}

/** One rendered card as a reader would perceive it. */
export interface SeenCard {
  title: string
  href: string
  target: string | null
  rel: string | null
  headingLevel: string | null
  caption: string
  credit: string
  creditLang: string | null
  imgAlt: string | null
  imgVisible: boolean
  excerpt: string
  date: string
}

/** The cards of the element with `id`, and its state flags. */
export async function readWidget(page: Page, id: string) {
  return page.evaluate((elementId) => {
    const root = document.getElementById(elementId)?.shadowRoot
    const cards = [...(root?.querySelectorAll('li.card:not(.skeleton)') ?? [])].map((li): SeenCard => {
      const a = li.querySelector('a')
      const img = li.querySelector('img')
      const credit = li.querySelector('.credit')
      return {
        title: a?.textContent ?? '',
        href: a?.getAttribute('href') ?? '',
        target: a?.getAttribute('target') ?? null,
        rel: a?.getAttribute('rel') ?? null,
        headingLevel: li.querySelector('[role=heading]')?.getAttribute('aria-level') ?? null,
        caption: li.querySelector('.caption')?.textContent ?? '',
        credit: credit?.textContent ?? '',
        creditLang: credit?.getAttribute('lang') ?? null,
        imgAlt: img?.getAttribute('alt') ?? null,
        imgVisible: img ? img.getBoundingClientRect().height > 0 : false,
        excerpt: li.querySelector('.excerpt')?.textContent ?? '',
        date: li.querySelector('time')?.textContent ?? '',
      }
    })
    return {
      cards,
      skeletons: root?.querySelectorAll('li.skeleton').length ?? 0,
      state: root?.querySelector('.state')?.textContent?.trim() ?? '',
      rootLang: root?.querySelector('.root')?.getAttribute('lang') ?? null,
      rootClass: root?.querySelector('.root')?.className ?? '',
    }
  }, id)
}

/** Waits until the element has dispatched `type` (recorded by the init script) and returns the details. */
export async function waitForEvent(page: Page, type: string, id: string) {
  await page.waitForFunction(
    ([t, i]) => window.__events.some((e) => e.type === t && e.id === i),
    [type, id],
    { timeout: 10_000 },
  )
  return page.evaluate(
    ([t, i]) => {
      const events = window.__events
      return events.filter((e) => e.type === t && e.id === i).map((e) => e.detail)
    },
    [type, id],
  )
}
