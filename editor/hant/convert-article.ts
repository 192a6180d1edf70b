/** The zh-TW edition of an article: every text a reader sees converted, everything else (ids, times, media) kept. */
import type { Article, Correction, Credit, Photo, Section } from '../../model/article.ts'
import type { HantConverter } from './create-hant-converter.ts'

/** The edition's language tag in the model (feeds' `language`; pages mark it `zh-Hant-TW`). */
export const HANT_LANG = 'zh-TW'

/** Converts title, dek, lede, headings, paragraphs, captions, alt texts, credits, corrections and tags. */
export function convertArticle(article: Article, convert: HantConverter): Article {
  const credit = (c: Credit): Credit => ({ role: c.role, name: convert(c.name) })
  const corrections = (list: Correction[] | undefined) =>
    list?.map((c) => ({ date: c.date, text: convert(c.text) }))
  const photo = (p: Photo): Photo => ({
    ...p,
    alt: convert(p.alt),
    caption: convert(p.caption),
    credit: credit(p.credit),
  })
  const section = (s: Section): Section => {
    const fixes = corrections(s.corrections)
    return {
      ...s,
      heading: convert(s.heading),
      paragraphs: s.paragraphs.map(convert),
      photos: s.photos.map(photo),
      ...(fixes ? { corrections: fixes } : {}),
    }
  }
  const fixes = corrections(article.corrections)
  return {
    ...article,
    title: convert(article.title),
    ...(article.dek === undefined ? {} : { dek: convert(article.dek) }),
    lang: HANT_LANG,
    byline: credit(article.byline),
    ...(article.contributors ? { contributors: article.contributors.map(credit) } : {}),
    tags: article.tags.map(convert),
    ...(fixes ? { corrections: fixes } : {}),
    lede: article.lede.map(convert),
    sections: article.sections.map(section),
    photos: article.photos.map(photo),
  }
}
