/** What `content:check` hands to `content:publish`: articles as the editor wrote them, validated, not yet stamped. */
import type { ArticleHeader, Correction, Credit } from '../../model/article.ts'
import type { EncodedRendition } from '../photos/encode-renditions.ts'
import type { EmbeddedMetadata } from './read-embedded-metadata.ts'

/**
 * An image the editor referenced: a file under content/ (read, measured and hashed; its bytes are not kept, a
 * newsroom's originals do not fit in memory together), an absolute https URL, or, once publish has encoded it,
 * the file's renditions.
 */
export type DraftImage =
  | {
      kind: 'file'
      /** Path relative to content/, e.g. media/qijiang-city.jpg */
      path: string
      /** contentHash of the file's bytes: the rendition cache's key. */
      hash: string
      type: string
      /** As displayed: EXIF orientation applied. */
      width: number
      height: number
      /** Caption, creator and copyright the file itself carries. */
      embedded: EmbeddedMetadata
    }
  | { kind: 'url'; url: string; type: string; width: number; height: number }
  | { kind: 'rendered'; path: string; hash: string; renditions: EncodedRendition[] }

export interface DraftPhoto {
  image: DraftImage
  alt: string
  caption: string
  credit: Credit
}

export interface DraftSection {
  id: string
  /** Ids this section had before (`{#id was=old-id}`): its feed item keeps the oldest one, so readers see no duplicate. */
  was: string[]
  heading: string
  paragraphs: string[]
  photos: DraftPhoto[]
  /** Set only when the editor wrote one; otherwise publish stamps it (docs/editors.md "Section times"). */
  updated?: string
  corrections?: Correction[]
}

export interface DraftArticle extends ArticleHeader {
  /** Path relative to the content root, e.g. articles/qijiang-strategic-pivot.md */
  file: string
  lede: string[]
  sections: DraftSection[]
  photos: DraftPhoto[]
  /** Former slugs of this article (`aliases:`): their URLs answer 301 to this one. */
  aliases: string[]
  /** Set when the editor withdrew the article (`withdrawn: <time> <reason>`): its URLs answer 410 Gone. */
  withdrawn?: { at: string; reason: string }
}

/** One thing wrong with the content: printed as `content/FILE:LINE: message`. */
export interface Problem {
  file: string
  line: number
  /** "what is wrong; how to fix it" */
  message: string
}
