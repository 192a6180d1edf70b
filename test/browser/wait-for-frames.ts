/** Waits for rendered frames: the condition behind "layout has settled", instead of a guessed sleep. */
import type { Page } from 'playwright-core'

/**
 * Resolves after the page has rendered `count` more animation frames. Each frame runs style, layout and the
 * IntersectionObserver and ResizeObserver notifications, so after two, whatever a change triggers has happened.
 */
export async function waitForFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n
        const tick = (): void => {
          left -= 1
          if (left <= 0) resolve()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
    count,
  )
}
