/** Publish's photo step: every file photo of every draft becomes its renditions, from the cache or encoded now. */
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import type { Credit } from '../../model/article.ts'
import { creditLineZh } from '../../model/credit-line.ts'
import type { DraftArticle, DraftImage, DraftPhoto } from '../content/draft.ts'
import { contentHash } from '../publish/content-hash.ts'
import type { PhotoRights } from './build-xmp.ts'
import { buildXmp } from './build-xmp.ts'
import type { EncodedRendition } from './encode-renditions.ts'
import { readCachedRenditions, writeCachedRenditions } from './rendition-cache.ts'
import { RECIPE_VERSION } from './rendition-recipe.ts'

export interface RenderOptions {
  /** The content root the drafts' image paths are relative to. */
  root: string
  /** The rendition cache folder (`.cache/renditions` by default). */
  cacheDir: string
  log: (line: string) => void
}

/** What happened, for the publish summary and the benchmark. */
export interface RenderStats {
  encoded: number
  cached: number
}

/**
 * The credit line as printed, in the article's language (what photo desks expect in photoshop:Credit): the pages'
 * Chinese form; in English the name alone, as agencies write it (the role stays in the pages and feeds).
 */
function printedCredit(credit: Credit, lang: string): string {
  return /^zh\b/i.test(lang) ? creditLineZh(credit.role, credit.name) : `Photo: ${credit.name}`
}

type FileImage = Extract<DraftImage, { kind: 'file' }>

function rightsOf(photo: DraftPhoto, image: FileImage, lang: string): PhotoRights {
  const creditLine = printedCredit(photo.credit, lang)
  return {
    creator: photo.credit.name,
    creditLine,
    copyright: image.embedded.copyright ?? creditLine,
    caption: photo.caption,
    lang,
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

/**
 * The drafts with every file image replaced by its renditions. One job per distinct (source, rights): the
 * rights are inside the bytes, so the same file under two captions is two sets. Encodes run two at a time on
 * two cores (libvips uses one thread per image here; more parallel jobs only add memory).
 */
export async function renderDrafts(
  drafts: readonly DraftArticle[],
  o: RenderOptions,
): Promise<{ drafts: DraftArticle[]; stats: RenderStats }> {
  const jobs = new Map<string, { image: FileImage; rights: PhotoRights; result?: EncodedRendition[] }>()
  const keyOf = (photo: DraftPhoto, lang: string): string | undefined => {
    if (photo.image.kind !== 'file') return undefined
    const rights = rightsOf(photo, photo.image, lang)
    const key = contentHash(`${RECIPE_VERSION}\n${photo.image.hash}\n${buildXmp(rights)}`)
    if (!jobs.has(key)) jobs.set(key, { image: photo.image, rights })
    return key
  }
  for (const d of drafts)
    for (const p of [...d.sections.flatMap((s) => s.photos), ...d.photos]) keyOf(p, d.lang)
  const stats: RenderStats = { encoded: 0, cached: 0 }
  const limit = Math.max(1, Math.min(2, availableParallelism()))
  await eachLimited([...jobs], limit, async ([key, job]) => {
    const cached = await readCachedRenditions(o.cacheDir, key)
    if (cached) {
      job.result = cached
      stats.cached++
      return
    }
    const started = Date.now()
    const input = await readFile(path.join(o.root, ...job.image.path.split('/')))
    // sharp is loaded only when a photo is not in the cache: a publish of cached photos never pays for it.
    const { encodeRenditions } = await import('./encode-renditions.ts')
    job.result = await encodeRenditions(input, job.rights)
    await writeCachedRenditions(o.cacheDir, key, job.result)
    stats.encoded++
    o.log(`  encoded ${job.image.path}: ${job.result.length} renditions in ${Date.now() - started} ms`)
  })
  const swap = (photo: DraftPhoto, lang: string): DraftPhoto => {
    const key = keyOf(photo, lang)
    const job = key === undefined ? undefined : jobs.get(key)
    if (!job?.result || photo.image.kind !== 'file') return photo
    const image: DraftImage = {
      kind: 'rendered',
      path: photo.image.path,
      hash: photo.image.hash,
      renditions: job.result,
    }
    return { ...photo, image }
  }
  const rendered = drafts.map((d) => ({
    ...d,
    sections: d.sections.map((s) => ({ ...s, photos: s.photos.map((p) => swap(p, d.lang)) })),
    photos: d.photos.map((p) => swap(p, d.lang)),
  }))
  return { drafts: rendered, stats }
}
