/** `npm run bench:widget`: widget.js gzip size and the main-thread time to render 10 cards in Chromium (median of N). */
import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { startFeedServer } from '../test/helpers/feed-server.ts'
import { launchChromium } from '../test/helpers/launch-chromium.ts'
import { startPartnerServer } from '../test/helpers/partner-server.ts'
import { WIDGET_GZIP_BUDGET } from '../widget/size-budget.ts'

const RUNS = Number(process.env.RUNS ?? 15)
const BUDGET = WIDGET_GZIP_BUDGET

/** Page-side code as text: bench/ is type-checked without DOM types, and tsx would inject helpers into functions. */
const SETTLE = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(0))))'
/** Wall time from widget.js arriving to `broadsheet-load` plus two frames (the cards painted). */
const UNTIL_LOADED = `new Promise((resolve) => {
  const start = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js'))
  const done = () => { const t = performance.now() - (start ? start.responseEnd : 0); requestAnimationFrame(() => requestAnimationFrame(() => resolve(t))) }
  if (window.__events.some((e) => e.type === 'broadsheet-load')) done()
  else document.addEventListener('broadsheet-load', done, { once: true })
})`

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

async function main(): Promise<void> {
  const script = await readFile('dist/assets/widget.js')
  const gzip = gzipSync(script, { level: 9 }).length
  console.log(
    `widget.js: ${script.length} B, ${gzip} B gzip (budget ${BUDGET} B) ${gzip <= BUDGET ? 'OK' : 'OVER'}`,
  )

  const feed = await startFeedServer()
  const partner = await startPartnerServer(feed.origin)
  const browser = await launchChromium()
  const body = (widget: boolean) =>
    `<p>Partner article text.</p>${widget ? `<broadsheet-cards src="${feed.origin}/feeds/broadsheet-zh.json" limit="10"></broadsheet-cards>` : ''}`
  const withWidget = partner.page({ scripts: [`${feed.origin}/widget.js`], body: body(true) })
  const control = partner.page({ body: body(false) })
  const samples = {
    task: [] as number[],
    script: [] as number[],
    layout: [] as number[],
    style: [] as number[],
    wall: [] as number[],
  }
  try {
    for (let i = 0; i < RUNS; i++) {
      const taskMs: number[] = []
      for (const url of [withWidget, control]) {
        const page = await browser.context.newPage()
        const cdp = await browser.context.newCDPSession(page)
        await cdp.send('Performance.enable')
        await page.goto(url)
        const wall: unknown = await page.evaluate(url === withWidget ? UNTIL_LOADED : SETTLE)
        const { metrics } = await cdp.send('Performance.getMetrics')
        const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
        taskMs.push(metric('TaskDuration'))
        if (url === withWidget) {
          samples.wall.push(typeof wall === 'number' ? wall : Number.NaN)
          samples.script.push(metric('ScriptDuration'))
          samples.layout.push(metric('LayoutDuration'))
          samples.style.push(metric('RecalcStyleDuration'))
        }
        await page.close()
      }
      samples.task.push((taskMs[0] ?? 0) - (taskMs[1] ?? 0))
    }
  } finally {
    await browser.close()
    await feed.close()
    await partner.close()
  }
  const f = (x: number) => `${x.toFixed(1)} ms`
  console.log(`10 cards in Chromium, median of ${RUNS} runs:`)
  console.log(
    `  main-thread task time attributable to the widget (page minus the same page without it): ${f(median(samples.task))}`,
  )
  console.log(`  script execution time on the page (ScriptDuration): ${f(median(samples.script))}`)
  console.log(
    `  layout ${f(median(samples.layout))}, style recalculation ${f(median(samples.style))} on the widget page`,
  )
  console.log(
    `  widget.js response end → broadsheet-load + 2 frames (wall, incl. the loopback feed fetch): ${f(median(samples.wall))}`,
  )
}

await main()
