/** The one Broadsheet data model: what publish writes to KV and every renderer reads. */

/** Who made a photo or wrote the text. The role is data; each UI renders it in its own language. */
export const CREDIT_ROLES = ['staff', 'correspondent', 'photographer', 'contributor'] as const
export type CreditRole = (typeof CREDIT_ROLES)[number]

/** The print labels that editors write, mapped to roles (记者 石亮 → staff). */
export const CREDIT_LABELS_ZH: Readonly<Record<CreditRole, string>> = {
  staff: '记者',
  correspondent: '通讯员',
  photographer: '摄影记者',
  contributor: '特约撰稿',
}

/** The same labels in Traditional script, as the Traditional (Taiwan) edition prints them (記者 石亮). */
export const CREDIT_LABELS_ZH_HANT: Readonly<Record<CreditRole, string>> = {
  staff: '記者',
  correspondent: '通訊員',
  photographer: '攝影記者',
  contributor: '特約撰稿',
}

/** Whether a BCP 47 tag is Chinese in Traditional script (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…`). */
export const isTraditionalChinese = (lang: string): boolean => /^zh-(?:tw|hk|mo|hant)\b/i.test(lang)

/** The roles in English (UI words for pages, feeds and the widget in English: "Photo: 石亮 (staff reporter)"). */
export const CREDIT_LABELS_EN: Readonly<Record<CreditRole, string>> = {
  staff: 'staff reporter',
  correspondent: 'correspondent',
  photographer: 'staff photographer',
  contributor: 'contributor',
}

export interface Credit {
  role: CreditRole
  name: string
  /** The person's stable id in content/people.md (`/people/{id}`), resolved at check time; absent in old values. */
  id?: string
}

/** One encoded size and format of a photo, made at publish (docs/editors.md "Photos"). */
export interface Rendition {
  /** Site path `/media/<hash>.<ext>`: content-addressed, immutable. */
  src: string
  /** image/avif, image/webp or image/jpeg. */
  type: string
  width: number
  height: number
  /** Size of the file in bytes (RSS enclosures need it). */
  bytes: number
}

/**
 * A news photo. `src`/`type`/`width`/`height` are the default large JPEG rendition (what feeds and any renderer
 * that knows nothing of renditions show), or, for a photo hosted elsewhere, its absolute https URL as declared.
 */
export interface Photo {
  src: string
  /** MIME type: image/jpeg for published files; whatever was declared for an https URL. */
  type: string
  width: number
  height: number
  /** Every rendition, smallest first within each type; empty for a photo hosted elsewhere. */
  renditions: Rendition[]
  alt: string
  caption: string
  credit: Credit
}

/** A dated correction note (更正): says what was wrong; the text itself stays as the editor left it. */
export interface Correction {
  /** RFC 3339 with offset: when the correction was made. */
  date: string
  text: string
}

/** One section: the unit that becomes a feed item and a widget card. */
export interface Section {
  /** Stable id, unique within the article, `[a-z0-9-]`; the `#anchor` and part of the item's tag: URI. */
  id: string
  /** Former ids, oldest first (the editor renamed the section): the feed item keeps the first, its old anchor stays. */
  was?: string[]
  heading: string
  paragraphs: string[]
  photos: Photo[]
  /** RFC 3339 with offset: when this section's content last changed. */
  updated: string
  /** Corrections to this section, oldest first. */
  corrections?: Correction[]
}

/** What identifies and introduces an article: shared by the article, its summaries and the editors' drafts. */
export interface ArticleHeader {
  /** Stable ASCII slug `[a-z0-9-]`, used in URLs forever. */
  slug: string
  title: string
  dek?: string
  /** BCP 47 language tag, e.g. zh-CN. */
  lang: string
  byline: Credit
  /** Further people credited with the text, in printed order (文/记者 李四 通讯员 王五: 王五 as correspondent). */
  contributors?: Credit[]
  /** RFC 3339 with the newsroom's UTC offset, e.g. 2020-12-22T07:00:00+08:00. */
  published: string
  canonical?: string
  tags: string[]
  /**
   * The topic id of each tag, in the same order (content/topics.md maps names to ids): `/topics/{id}`. Absent in
   * values written before topics existed.
   */
  topics?: string[]
  /** Corrections to the article as a whole, oldest first (every section's feed item carries them). */
  corrections?: Correction[]
}

export interface Article extends ArticleHeader {
  /** RFC 3339: the newest of `published` and every section's `updated`. */
  updated: string
  lede: string[]
  sections: Section[]
  /** Photos not attached to any section (a closing gallery). */
  photos: Photo[]
  /**
   * RFC 3339: when the gallery last changed after it was first published (stamped by publish, like a section);
   * absent until then: the gallery item then reads one second before `published`.
   */
  galleryUpdated?: string
}
