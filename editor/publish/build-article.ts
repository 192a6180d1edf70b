/** Turns a checked draft into the model's Article: media become content-addressed `/media/` paths, sections get times. */
import type { Article, ArticleHeader, Photo, Section } from '../../model/article.ts'
import { newest } from '../../model/newest.ts'
import { keys } from '../../model/store-keys.ts'
import type { DraftArticle, DraftPhoto } from '../content/draft.ts'
import { contentHash } from './content-hash.ts'
import type { KvEntry, PublishState } from './kv-entry.ts'
import { stampSection, type TakenTimes } from './stamp-sections.ts'

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
}

/** Collects media entries by key so an image used by many photos is stored once. */
export type MediaSink = Map<string, KvEntry>

/** Image bytes are shared between photos that use the same file: hash each buffer once. */
const hashes = new WeakMap<Uint8Array, string>()
function hashOf(bytes: Uint8Array): string {
  let hash = hashes.get(bytes)
  if (hash === undefined) {
    hash = contentHash(bytes)
    hashes.set(bytes, hash)
  }
  return hash
}

function toPhoto(draft: DraftPhoto, media: MediaSink): Photo {
  const { image } = draft
  let src: string
  if (image.kind === 'url') {
    src = image.url
  } else {
    const hash = hashOf(image.bytes)
    const name = `${hash}.${EXTENSIONS[image.type] ?? 'bin'}`
    src = `/media/${name}`
    if (!media.has(name))
      media.set(name, {
        key: keys.media(name),
        value: image.bytes,
        metadata: { h: hash, type: image.type },
      })
  }
  return {
    src,
    type: image.type,
    width: image.width,
    height: image.height,
    alt: draft.alt,
    caption: draft.caption,
    credit: draft.credit,
  }
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
    ...(a.corrections?.length ? { corrections: a.corrections } : {}),
  }
}

export interface BuildContext {
  previous: PublishState
  /** Slugs that have sections in `previous`: articles published before. */
  previousSlugs: ReadonlySet<string>
  nextState: PublishState
  media: MediaSink
  now: Date
  /** Every section time already in use (kept or stamped this run): new stamps avoid them. */
  taken: TakenTimes
}

/** Builds the Article and records each section's hash and time in `ctx.nextState`. */
export function buildArticle(draft: DraftArticle, ctx: BuildContext): Article {
  const { previous, nextState, media, now } = ctx
  const seenBefore = ctx.previousSlugs.has(draft.slug)
  const sections: Section[] = draft.sections.map((s, index) => {
    const photos = s.photos.map((p) => toPhoto(p, media))
    // A correction changes the section: it is part of the hash, so adding one moves the section's time.
    const hashed = s.corrections
      ? [s.heading, s.paragraphs, photos, s.corrections]
      : [s.heading, s.paragraphs, photos]
    const hash = contentHash(JSON.stringify(hashed))
    const updated = stampSection(draft, index, hash, previous, seenBefore, now, ctx.taken)
    nextState.sections[`${draft.slug}/${s.id}`] = { hash, updated }
    return {
      id: s.id,
      heading: s.heading,
      paragraphs: s.paragraphs,
      photos,
      updated,
      ...(s.corrections ? { corrections: s.corrections } : {}),
    }
  })
  return {
    ...articleHeader(draft),
    updated:
      newest([
        draft.published,
        ...sections.map((s) => s.updated),
        ...(draft.corrections ?? []).map((c) => c.date),
      ]) ?? draft.published,
    lede: draft.lede,
    sections,
    photos: draft.photos.map((p) => toPhoto(p, media)),
  }
}
