/** The full HTML body of one section, as carried by content:encoded, Atom content and JSON content_html. */
import type { FeedPhoto } from './feed-photo.ts'
import { escapeXml } from './xml-text.ts'

/** One photo as a figure whose caption ends with the credit, so the credit survives in every reader. */
export function figureHtml(photo: FeedPhoto): string {
  const caption = photo.caption.trim() ? `${photo.caption} — ${photo.creditLine}` : photo.creditLine
  return (
    `<figure><img src="${escapeXml(photo.url)}" alt="${escapeXml(photo.alt)}"` +
    ` width="${photo.width}" height="${photo.height}">` +
    `<figcaption>${escapeXml(caption)}</figcaption></figure>`
  )
}

/** Paragraphs (plain text in the model) as escaped `<p>`s, then the photos as figures. */
export function sectionHtml(paragraphs: readonly string[], photos: readonly FeedPhoto[]): string {
  const text = paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('')
  return text + photos.map(figureHtml).join('')
}
