/** Compares what a photo file says about itself with what the content file says: a disagreement is a problem. */
import type { Credit } from '../../model/article.ts'
import type { EmbeddedMetadata } from './read-embedded-metadata.ts'

/** Blanks and closing punctuation do not count: print captions end in `。`, camera captions often do not. */
const normal = (s: string) => s.replace(/[\s。．.，,、！!？?；;：:]+/g, '').toLowerCase()

/** Two texts agree when one contains the other (the desk shortens captions, and creators carry a role label). */
export const agree = (a: string, b: string) => {
  const x = normal(a)
  const y = normal(b)
  return x.includes(y) || y.includes(x)
}

/** One message per disagreement, each naming the field that disagrees (`caption` or `credit`). */
export function embeddedMetadataProblems(
  src: string,
  embedded: EmbeddedMetadata,
  caption: string,
  credit: Credit,
): { field: 'caption' | 'credit'; message: string }[] {
  const found: { field: 'caption' | 'credit'; message: string }[] = []
  if (embedded.creator && !agree(embedded.creator, credit.name))
    found.push({
      field: 'credit',
      message: `the credit names ${credit.name} but ${src} says its creator is "${embedded.creator}"; correct the credit, or the file's creator (XMP dc:creator / IPTC By-line)`,
    })
  if (embedded.caption && caption && !agree(embedded.caption, caption))
    found.push({
      field: 'caption',
      message: `the caption differs from the one inside ${src} ("${embedded.caption}"); make them agree: correct the caption, or the file's (XMP dc:description / IPTC Caption-Abstract)`,
    })
  return found
}
