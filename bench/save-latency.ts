/**
 * Save-to-screen latency as an editor sees it: a page open in Chromium, the file saved (in place, or written
 * beside and renamed over it as many editors do), the time until the page shows the saved heading.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Page } from 'playwright-core'

/** Writes `text` to `file` the way `how` says: in place, or a temporary file renamed over it. */
export async function save(file: string, text: string, how: 'in place' | 'by rename'): Promise<void> {
  if (how === 'in place') return writeFile(file, text)
  const temp = join(dirname(file), `.${basename(file)}.saving`)
  await writeFile(temp, text)
  await rename(temp, file)
}

/** What one measured save changes: the file's text before and after, and what the page shows once it is served. */
export interface SaveCase {
  file: string
  edit: (text: string, n: number) => string
  /** A CSS selector and the text it shows once the save `n` is served. */
  shown: (n: number) => { selector: string; text: string }
}

/** Milliseconds from each save to the page showing it; saves alternate in place and by rename, one after another. */
export async function saveLatencies(page: Page, c: SaveCase, saves: number, deadlineMs = 60_000) {
  const samples: { ms: number; how: 'in place' | 'by rename' }[] = []
  for (let n = 1; n <= saves; n++) {
    const how = n % 2 === 0 ? 'by rename' : 'in place'
    const text = c.edit(await readFile(c.file, 'utf8'), n)
    const { selector, text: expected } = c.shown(n)
    const t = performance.now()
    await save(c.file, text, how)
    await page.locator(selector, { hasText: expected }).first().waitFor({ timeout: deadlineMs })
    samples.push({ ms: performance.now() - t, how })
    // A pause like an editor's between saves, so each save is measured on its own.
    await new Promise((r) => setTimeout(r, 300))
  }
  return samples
}

/** Median, 95th percentile, min and max of `xs` (nearest rank). */
export function spread(xs: readonly number[]): { median: number; p95: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b)
  const rank = (q: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN
  return { median: rank(0.5), p95: rank(0.95), min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN }
}

/** `median 412 ms, p95 530 ms (min 380, max 600; n = 20)` */
export function describeSpread(xs: readonly number[], unit: 'ms' | 's' = 'ms'): string {
  const { median, p95, min, max } = spread(xs)
  const f = (v: number) => (unit === 'ms' ? `${Math.round(v)}` : (v / 1000).toFixed(2))
  return `median ${f(median)} ${unit}, p95 ${f(p95)} ${unit} (min ${f(min)}, max ${f(max)}; n = ${xs.length})`
}
