/**
 * The benchmark site for bench/workerd.ts: a generated tree published with the project's own check, renditions and
 * build (editor/), written into a Miniflare KV persist directory through the binding (inside workerd, as the Worker
 * reads it). Reused while the built entries are the same: writing 16,000 values takes minutes here.
 */
import { createHash } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { checkContent } from '../editor/content/check-content.ts'
import { renderDrafts } from '../editor/photos/render-drafts.ts'
import { buildEntries, emptySnapshot } from '../editor/publish/build-entries.ts'
import type { KvEntry } from '../editor/publish/kv-entry.ts'
import { generateContent, type TreeShape } from '../test/helpers/generate-content.ts'

export interface BenchSite {
  kvPersist: string
  /** Every value publish built, as written. */
  entries: KvEntry[]
  /** A media file's URL path, an article slug: what the scenarios request. */
  mediaPath: string
  slug: string
}

const BATCH = 500

/** The site bench:workerd and bench:profile serve: where it lives, its shape, the publish time. */
export const BENCH_SITE = {
  dir: 'test/.tmp/bench-workerd',
  shape: { articles: 1000, sections: 5, photos: 3 },
  now: new Date('2026-11-24T00:00:00Z'),
} as const

function digestOf(entries: readonly KvEntry[]): string {
  const hash = createHash('sha256')
  for (const e of entries) hash.update(`${e.key}\0${e.metadata.h}\n`)
  return hash.digest('hex')
}

/** JSON for the seeding Worker: bytes travel as base64 (bench/seed-worker.js decodes them). */
function forTransfer(e: KvEntry) {
  return typeof e.value === 'string'
    ? e
    : { key: e.key, metadata: e.metadata, base64: Buffer.from(e.value).toString('base64') }
}

/** Generates, checks and builds the tree, then makes sure `dir/kv` holds exactly those entries. */
export async function prepareSite(dir: string, shape: TreeShape, now: Date): Promise<BenchSite> {
  const root = join(dir, 'content')
  await rm(root, { recursive: true, force: true })
  await generateContent(root, { ...shape, photos: 0 })
  // One more article with photos, for the media scenario: encoding renditions for thousands of photos is
  // bench:images' subject, not this benchmark's (publish's rendition cache keeps later runs fast).
  await generateContent(root, {
    articles: 1,
    sections: shape.sections,
    photos: 1,
    firstIndex: shape.articles,
  })
  const { articles, problems } = await checkContent(root)
  if (problems.length > 0) throw new Error(`generated content has problems: ${problems[0]?.message}`)
  const rendered = await renderDrafts(articles, { root, cacheDir: '.cache/renditions', log: () => {} })
  const built = buildEntries(rendered.drafts, emptySnapshot(), { now })
  const entries = [...built.media, ...built.pages, ...built.heads, ...built.commits]
  const kvPersist = join(dir, 'kv')
  const marker = join(dir, 'kv-digest.txt')
  const digest = digestOf(entries)
  const known = await readFile(marker, 'utf8').catch(() => '')
  if (known !== digest) {
    await rm(kvPersist, { recursive: true, force: true })
    const started = performance.now()
    const mf = new Miniflare({
      modules: true,
      scriptPath: 'bench/seed-worker.js',
      kvNamespaces: ['CONTENT'],
      kvPersist,
    })
    try {
      for (let i = 0; i < entries.length; i += BATCH) {
        const res = await mf.dispatchFetch('http://seed.invalid/', {
          method: 'POST',
          body: JSON.stringify(entries.slice(i, i + BATCH).map(forTransfer)),
        })
        if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`)
        await res.text()
      }
    } finally {
      await mf.dispose()
    }
    await writeFile(marker, digest)
    console.log(
      `  seeded ${entries.length} KV values in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )
  }
  const media = entries.find((e) => e.key.includes(':media:') && e.metadata.type === 'image/webp')
  const slug = articles[0]?.slug
  if (media === undefined || slug === undefined) throw new Error('the generated site has no media or article')
  return { kvPersist, entries, mediaPath: `/media/${media.key.split(':').pop()}`, slug }
}
