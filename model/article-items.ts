/**
 * How an article becomes feed items, written once for the article feeds (Worker) and the "all" feed (publish):
 * the lede opens the first item, one item per section, then the gallery as an item of its own.
 */
import { type Article, isTraditionalChinese, type Section } from './article.ts'
import { shiftSeconds } from './format-in-offset.ts'

/** Id of the gallery's item (`…/{slug}/photos`) and page; content:check keeps it free of sections. */
export const GALLERY_ID = 'photos'

/** The gallery item's title, in the article's language (`图集`, `圖集` in Traditional script, `Photos` otherwise). */
export function galleryTitle(lang: string): string {
  if (isTraditionalChinese(lang)) return '圖集'
  return /^zh\b/i.test(lang) ? '图集' : 'Photos'
}

/** One item's content: a section (the first one opened by the lede) or the gallery, with its reading-order time. */
export interface ItemSection extends Section {
  /**
   * RFC 3339: the article's publication time, one second earlier per reading position (the first item exactly
   * the article's time). Apps that sort by date, newest first, then show the items in reading order.
   */
  published: string
}

/** What the composition needs of an article (the "all" feed's summaries carry no body). */
export type ItemSource = Pick<
  Article,
  'published' | 'lang' | 'lede' | 'sections' | 'photos' | 'galleryUpdated'
>

/**
 * The gallery's `updated` until it is edited: one second before the article's publication, whatever the number
 * of sections, so it never equals a section's (sections are stamped at or after the publication time). An edited
 * gallery gets a stamp like a section (`Article.galleryUpdated`).
 */
export function galleryUpdated(published: string): string {
  return shiftSeconds(published, -1)
}

/** The article's items in reading order. Every paragraph and every photo of the article is in exactly one. */
export function articleItems(article: ItemSource): ItemSection[] {
  const items: ItemSection[] = article.sections.map((section, position) => ({
    ...section,
    paragraphs: position === 0 ? [...article.lede, ...section.paragraphs] : section.paragraphs,
    published: shiftSeconds(article.published, -position),
  }))
  if (article.photos.length > 0) {
    items.push({
      id: GALLERY_ID,
      heading: galleryTitle(article.lang),
      paragraphs: article.sections.length === 0 ? [...article.lede] : [],
      photos: article.photos,
      updated: article.galleryUpdated ?? galleryUpdated(article.published),
      published: shiftSeconds(article.published, -article.sections.length),
    })
  }
  return items
}
