/** `importPrintText`: print-export text in, a content file to review plus notes on every guess out. Pure. */
import { assembleArticle } from './assemble-article.ts'
import { sectionId } from './section-id.ts'
import { splitUnits } from './split-units.ts'
import { writeMarkdown } from './write-markdown.ts'

/** Deterministic: the same text always gives the same markdown and notes. */
export function importPrintText(text: string): { markdown: string; notes: string[] } {
  const notes: string[] = []
  const article = assembleArticle(splitUnits(text, notes), notes)
  const lang = /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en'
  notes.push(`lang: ${lang}, guessed from the script; correct it if wrong`)
  notes.push(
    'slug: unknown; replace TODO-choose-an-ascii-slug with a stable ASCII slug and name the file after it',
  )
  notes.push(
    'published: print text carries no date; replace the TODO with the print date, e.g. 2020-12-22T08:00:00+08:00',
  )
  if (!article.byline) notes.push('byline: none found (expected a line like 文/记者 刘柳吟); write it')
  const photos = [...article.sections.flatMap((s) => s.photos), ...article.gallery]
  if (photos.length > 0) {
    notes.push(`alt: copied from the caption for all ${photos.length} photos; describe what each image shows`)
    notes.push(
      `images: print text has no image files; put them in content/media/ and replace TODO-image-1…${photos.length}`,
    )
  }
  photos.forEach((p, i) => {
    if (!p.credit)
      notes.push(`photo ${i + 1}: no credit found in "${p.caption}"; write ROLE NAME, e.g. 记者 石亮`)
    else if (p.credit.credits.length > 1)
      notes.push(
        `photo ${i + 1}: the credit "${p.credit.text}" names ${p.credit.credits.length} people; a photo has one credit: keep the photographer and name the others in the caption`,
      )
  })
  const ids = new Set<string>()
  for (const s of article.sections) {
    const id = sectionId(s.heading)
    if (ids.has(id))
      notes.push(`section "${s.heading}": its id ${id} repeats another section's; choose distinct ids`)
    ids.add(id)
  }
  if (article.sections.length > 0)
    notes.push('section ids: s-<hash of the heading>; replace them with readable ids')
  else
    notes.push(
      'sections: none found (short lines without final punctuation followed by paragraphs); add headings',
    )
  return { markdown: writeMarkdown(article, lang), notes }
}
