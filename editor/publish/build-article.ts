/** Turns a checked draft into the model's Article: media become content-addressed `/media/` paths, sections get times. */
import type { Article, ArticleHeader, Photo, Rendition, Section } from '../../model/article.ts'
import { mediaNameOf, mediaPath } from '../../model/feed-urls.ts'
import { newest } from '../../model/newest.ts'
import { keys } from '../../model/store-keys.ts'
import type { ArticleHistory } from '../../model/store-values.ts'
import type { DraftArticle, DraftPhoto } from '../content/draft.ts'
import { contentHash } from './content-hash.ts'
import { stubPhotos } from './draft-stub.ts'
import type { KvEntry } from './kv-entry.ts'
import { stampSections, type TakenTimes } from './stamp-sections.ts'

/** Collects media entries by key so a rendition used by many photos is stored once. */
export type MediaSink = Map<string, KvEntry>

/** The rendition photos and feeds show by default: the widest JPEG (docs/architecture.md "Design decisions"). */
function defaultRendition(renditions: readonly Rendition[]): Rendition | undefined {
  return renditions.filter((r) => r.type === 'image/jpeg').sort((a, b) => b.width - a.width)[0]
}

function toPhoto(draft: DraftPhoto, media: MediaSink): Photo {
  const { image } = draft
  const text = { alt: draft.alt, caption: draft.caption, credit: draft.credit }
  if (image.kind === 'url')
    return {
      src: image.url,
      type: image.type,
      width: image.width,
      height: image.height,
      renditions: [],
      ...text,
    }
  if (image.kind === 'file')
    throw new Error(`${image.path} was not encoded: publish renders every file photo before building`)
  const renditions: Rendition[] = image.renditions.map((r) => {
    if (!media.has(r.name))
      media.set(r.name, {
        key: keys.media(r.name),
        value: r.bytes,
        metadata: { h: r.name.slice(0, r.name.indexOf('.')), type: r.type },
      })
    return {
      src: mediaPath(r.name),
      type: r.type,
      width: r.width,
      height: r.height,
      bytes: r.bytes.byteLength,
    }
  })
  const large = defaultRendition(renditions)
  if (!large) throw new Error(`${image.path} has no JPEG rendition`)
  return { src: large.src, type: large.type, width: large.width, height: large.height, renditions, ...text }
}

/** What a photo is, independent of how it is encoded: a new rendition recipe does not make a section "updated". */
function photoIdentity(p: DraftPhoto): unknown[] {
  const { image } = p
  const source = image.kind === 'url' ? image.url : image.hash
  return [source, p.alt, p.caption, p.credit]
}

/** Just the header fields of an article-like value (a draft, an article), optional ones only when present. */
export function articleHeader(a: ArticleHeader): ArticleHeader {
  return {
    slug: a.slug,
    title: a.title,
    ...(a.dek === undefined ? {} : { dek: a.dek }),
    lang: a.lang,
    byline: a.byline,
    ...(a.contributors?.length ? { contributors: a.contributors } : {}),
    published: a.published,
    ...(a.canonical === undefined ? {} : { canonical: a.canonical }),
    tags: a.tags,
    ...(a.topics?.length ? { topics: a.topics } : {}),
    ...(a.corrections?.length ? { corrections: a.corrections } : {}),
  }
}

/** Where media entries collect, and the clock and taken times of this publish. */
export interface BuildContext {
  media: MediaSink
  now: Date
  /** Every section time stamped this run: new stamps avoid them. */
  taken: TakenTimes
}

/** The source hashes (file content hashes) of every photo a draft uses: what withdrawal checks sharing by. */
export const photoSources = (d: DraftArticle): string[] => [
  ...(stubPhotos(d) ??
    [...d.sections.flatMap((s) => s.photos), ...d.photos].flatMap((p) =>
      p.image.kind === 'url' ? [] : [p.image.hash],
    )),
]

/** The media names (`<hash>.<ext>`) an article's photos use, every rendition included. */
export function mediaNames(a: Article): string[] {
  const sources: string[] = []
  for (const photos of [...a.sections.map((s) => s.photos), a.photos])
    for (const p of photos) {
      sources.push(p.src)
      for (const r of p.renditions) sources.push(r.src)
    }
  // Sorted as sources: every media source starts with the same path, so its name sorts the same (no set, no copies).
  sources.sort()
  const names: string[] = []
  for (let i = 0; i < sources.length; i++) {
    const name = sources[i] === sources[i - 1] ? null : mediaNameOf(sources[i] as string)
    if (name !== null) names.push(name)
  }
  return names
}

/**
 * The Article (photos as their renditions, sections stamped against `history`), each section's hash and the
 * lede's (the lede opens the first section's item: a changed lede re-stamps that section).
 */
export function buildArticle(
  draft: DraftArticle,
  history: ArticleHistory | null,
  ctx: BuildContext,
): { article: Article; hashes: string[]; lede: string; gallery: NonNullable<ArticleHistory['gallery']> } {
  const built = draft.sections.map((s) => {
    const photos = s.photos.map((p) => toPhoto(p, ctx.media))
    // A correction changes the section: it is part of the hash, so adding one moves the section's time.
    const identity = [s.heading, s.paragraphs, s.photos.map(photoIdentity)]
    const hash = contentHash(JSON.stringify(s.corrections ? [...identity, s.corrections] : identity))
    return { s, photos, hash }
  })
  const hashes = built.map((b) => b.hash)
  const lede = contentHash(JSON.stringify(draft.lede))
  const gallery = contentHash(JSON.stringify(draft.photos.map(photoIdentity)))
  const before = history?.gallery
  const stamped = stampSections(draft, hashes, history, ctx.now, ctx.taken, {
    ledeChanged: history?.lede !== undefined && history.lede !== lede,
    galleryChanged: before !== undefined && before.hash !== gallery && draft.photos.length > 0,
  })
  const times = stamped.sections
  const galleryUpdated = stamped.gallery ?? (draft.photos.length > 0 ? before?.updated : undefined)
  const sections: Section[] = built.map(({ s, photos }, i) => ({
    id: s.id,
    ...(s.was.length > 0 ? { was: s.was } : {}),
    heading: s.heading,
    paragraphs: s.paragraphs,
    photos,
    updated: times[i] ?? draft.published,
    ...(s.corrections ? { corrections: s.corrections } : {}),
  }))
  const article: Article = {
    ...articleHeader(draft),
    updated:
      newest([
        draft.published,
        ...sections.map((s) => s.updated),
        ...(galleryUpdated ? [galleryUpdated] : []),
        ...(draft.corrections ?? []).map((c) => c.date),
      ]) ?? draft.published,
    lede: draft.lede,
    sections,
    photos: draft.photos.map((p) => toPhoto(p, ctx.media)),
    ...(galleryUpdated ? { galleryUpdated } : {}),
  }
  return {
    article,
    hashes,
    lede,
    gallery: { hash: gallery, ...(galleryUpdated ? { updated: galleryUpdated } : {}) },
  }
}
