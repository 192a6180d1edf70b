/** Writes a hostile article straight into a fresh local KV, as a foreign publish could. */
import { mkdir, rm } from 'node:fs/promises'
import type { DraftArticle, DraftPhoto } from '../../editor/content/draft.ts'
import { buildEntries, emptySnapshot } from '../../editor/publish/build-entries.ts'
import { openKvStore } from '../../editor/publish/kv-store.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { buildDraft, buildDraftPhoto, buildDraftSection } from '../fixtures/build-draft.ts'
import { HOSTILE_URLS, payload } from '../fixtures/hostile/hostile-article.ts'

/** A photo whose every text field is a payload; the image is a real SVG file or a hostile URL. */
function hostilePhoto(where: string, url?: string): DraftPhoto {
  const texts = {
    alt: payload(`${where}-alt`),
    caption: payload(`${where}-caption`),
    credit: { role: 'staff' as const, name: payload(`${where}-credit`) },
  }
  if (url === undefined) return buildDraftPhoto(where, texts)
  return { image: { kind: 'url', url, type: 'image/jpeg', width: 120, height: 80 }, ...texts }
}

/** The draft content:check would reject: markup in every text field, hostile canonical and photo URLs. */
export function hostileDraft(): DraftArticle {
  return buildDraft('hostile', {
    title: payload('title'),
    dek: payload('dek'),
    byline: { role: 'staff', name: payload('byline') },
    canonical: HOSTILE_URLS.canonical,
    tags: [payload('tag')],
    lede: [payload('lede')],
    sections: [
      buildDraftSection('first', {
        heading: payload('heading'),
        paragraphs: [payload('paragraph')],
        photos: [
          hostilePhoto('section'),
          hostilePhoto('section-js', HOSTILE_URLS.photoJs),
          hostilePhoto('section-data', HOSTILE_URLS.photoData),
        ],
      }),
      buildDraftSection('second'),
    ],
    photos: [hostilePhoto('gallery-js', HOSTILE_URLS.photoSpaced)],
  })
}

/** Builds the entries publish would build (bypassing the check) and writes them into `persistTo` as publish does. */
export async function putHostileContent(persistTo: string): Promise<void> {
  await rm(persistTo, { recursive: true, force: true })
  await mkdir(persistTo, { recursive: true })
  const built = buildEntries([hostileDraft()], emptySnapshot(), { now: new Date('2026-11-24T08:00:00Z') })
  const kv = await openKvStore({ mode: 'local', persistTo, binding: 'CONTENT', cwd: process.cwd() })
  try {
    await applyWrites(kv, await planWrites(kv, built))
  } finally {
    await kv.close()
  }
}
