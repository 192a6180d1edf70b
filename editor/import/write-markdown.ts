/** Writes an imported article as a content file (FORMAT.md), with TODO placeholders content:check rejects. */

import type { ImportedArticle } from './assemble-article.ts'
import type { PrintPhoto } from './parse-photo-line.ts'
import { sectionId } from './section-id.ts'

/** Placeholders for what print text cannot tell; each starts with TODO so content:check names it. */
export const PLACEHOLDERS = {
  slug: 'TODO-choose-an-ascii-slug',
  published: 'TODO-YYYY-MM-DDTHH:MM:SS+08:00',
  byline: 'TODO-ROLE-NAME',
  credit: 'TODO-ROLE-NAME',
  image: (n: number) => `TODO-image-${n}`,
} as const

/** The content file text: front matter, lede, sections (photos right under their heading), then `# Photos`. */
export function writeMarkdown(article: ImportedArticle, lang: string): string {
  let photoNumber = 0
  const photo = (p: PrintPhoto) => {
    photoNumber++
    return [
      `::: photo ${PLACEHOLDERS.image(photoNumber)}`,
      `alt: ${p.caption}`,
      `caption: ${p.caption}`,
      `credit: ${p.credit?.text ?? PLACEHOLDERS.credit}`,
      ':::',
    ].join('\n')
  }
  const blocks: string[] = [
    [
      '---',
      `slug: ${PLACEHOLDERS.slug}`,
      `title: ${article.headline}`,
      ...(article.dek ? [`dek: ${article.dek}`] : []),
      `lang: ${lang}`,
      `byline: ${article.byline ?? PLACEHOLDERS.byline}`,
      `published: ${PLACEHOLDERS.published}`,
      '---',
    ].join('\n'),
    ...article.lede,
  ]
  for (const section of article.sections) {
    blocks.push(`## ${section.heading} {#${sectionId(section.heading)}}`)
    blocks.push(...section.photos.map(photo), ...section.paragraphs)
  }
  if (article.gallery.length > 0) blocks.push('# Photos', ...article.gallery.map(photo))
  return `${blocks.join('\n\n')}\n`
}
