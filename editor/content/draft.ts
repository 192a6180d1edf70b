/** What `content:check` hands to `content:publish`: articles as the editor wrote them, validated, not yet stamped. */
import type { ArticleHeader, Correction, Credit } from '../../model/article.ts'

/** An image the editor referenced: a file under content/ (read and measured) or an absolute https URL. */
export type DraftImage =
  | {
      kind: 'file' /** path relative to content/, e.g. media/qijiang-city.svg */
      path: string
      bytes: Uint8Array
      type: string
      width: number
      height: number
    }
  | { kind: 'url'; url: string; type: string; width: number; height: number }

export interface DraftPhoto {
  image: DraftImage
  alt: string
  caption: string
  credit: Credit
}

export interface DraftSection {
  id: string
  heading: string
  paragraphs: string[]
  photos: DraftPhoto[]
  /** Set only when the editor wrote one; otherwise publish stamps it (README: "Section times"). */
  updated?: string
  corrections?: Correction[]
}

export interface DraftArticle extends ArticleHeader {
  /** Path relative to the content root, e.g. articles/qijiang-strategic-pivot.md */
  file: string
  lede: string[]
  sections: DraftSection[]
  photos: DraftPhoto[]
}

/** One thing wrong with the content: printed as `content/FILE:LINE: message`. */
export interface Problem {
  file: string
  line: number
  /** "what is wrong; how to fix it" */
  message: string
}
