/** `npm run bench:publish`: check + build of 1,000 generated articles (5 sections, 3 photos each), against an I/O floor. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkContent } from '../editor/content/check-content.ts'
import { renderDrafts } from '../editor/photos/render-drafts.ts'
import { buildEntries } from '../editor/publish/build-entries.ts'
import { valueBytes } from '../editor/publish/kv-entry.ts'
import { generateContent } from './generate-content.ts'

const SHAPE = { articles: 1000, sections: 5, photos: 3 }
const RUNS = 5
const GOAL_MS = 2000

/** The floor: read every file of the tree and hash it, nothing else. */
async function readAndHashAll(root: string): Promise<void> {
  for (const dir of ['articles', 'media'])
    for (const name of await readdir(join(root, dir)))
      createHash('sha256')
        .update(readFileSync(join(root, dir, name)))
        .digest()
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const root = await mkdtemp(join(tmpdir(), 'broadsheet-bench-'))
try {
  await generateContent(root, SHAPE)
  const floor: number[] = []
  const check: number[] = []
  const total: number[] = []
  let bytes = 0
  let keys = 0
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now()
    await readAndHashAll(root)
    floor.push(performance.now() - t)
    t = performance.now()
    const { articles, problems } = await checkContent(root)
    const checked = performance.now()
    if (problems.length > 0) throw new Error(`generated tree has problems: ${problems[0]?.message}`)
    // Renditions come from the cache after the first run: the encoding cost is bench:images' subject.
    const rendered = await renderDrafts(articles, { root, cacheDir: '.cache/renditions', log: () => {} })
    const renderedAt = performance.now()
    const built = buildEntries(rendered.drafts, { sections: {} }, new Date('2026-11-24T00:00:00Z'))
    total.push(performance.now() - t - (renderedAt - checked))
    check.push(checked - t)
    const entries = [...built.content, ...built.aggregates]
    keys = entries.length
    bytes = entries.reduce((n, e) => n + valueBytes(e), 0)
  }
  const m = median(total)
  console.log(
    `bench:publish  ${SHAPE.articles} articles × ${SHAPE.sections} sections × ${SHAPE.photos} photos, median of ${RUNS} runs`,
  )
  console.log(`  floor (read + sha256 every file)  ${median(floor).toFixed(0).padStart(6)} ms   1.00×`)
  console.log(
    `  check                             ${median(check).toFixed(0).padStart(6)} ms   ${(median(check) / median(floor)).toFixed(2)}×`,
  )
  console.log(
    `  check + build                     ${m.toFixed(0).padStart(6)} ms   ${(m / median(floor)).toFixed(2)}×   goal < ${GOAL_MS} ms: ${m < GOAL_MS ? 'met' : 'MISSED'}`,
  )
  console.log(`  KV: ${keys.toLocaleString('en')} keys, ${bytes.toLocaleString('en')} bytes`)
} finally {
  await rm(root, { recursive: true, force: true })
}
