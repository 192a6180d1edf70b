/** Reads a print photo line (`▲綦江城区一景。记者 石亮 摄`) into its caption and credit. */
import { CREDIT_ROLES, type Credit } from '../../model/article.ts'
import { QUALIFIER, ZH_LABEL_PATTERN } from '../content/parse-credit.ts'
import { plausibleCredits } from './plausible-credits.ts'

/** A photo as print gives it: caption text and, when found, the credit as printed with the people it names. */
export interface PrintPhoto {
  caption: string
  credit?: { text: string; credits: Credit[] }
}

/** The print marker that starts a photo line. */
export const PHOTO_MARK = /^[▲△]/

/** Where a credit may start: a label at the start, or after punctuation, a space or a bracket (never inside 摄影记者). */
const CREDIT_START = new RegExp(
  `(?<=^|[\\s\\p{P}])(?:(?:${QUALIFIER})?(?:${ZH_LABEL_PATTERN})|(?:${CREDIT_ROLES.join('|')})(?=\\s))`,
  'gu',
)
/** The end of a credit: 摄 (photographed by), optionally in brackets: `记者 石亮 摄`, `（记者 石亮 摄）`. */
const SHOT_BY = /\s*摄\s*([）)]?)$/u

/** The caption and the credit found at the end of a photo line's text (without the ▲), if there is one. */
function splitCredit(
  text: string,
): { caption: string; credit: { text: string; credits: Credit[] } } | undefined {
  const shot = SHOT_BY.exec(text)
  if (!shot) return undefined
  const body = text.slice(0, shot.index)
  for (const m of body.matchAll(CREDIT_START)) {
    const open = /[（(]\s*$/u.exec(body.slice(0, m.index))
    if (Boolean(open) !== Boolean(shot[1])) continue
    const credits = plausibleCredits(body.slice(m.index).trim())
    if (!credits) continue
    // Brackets stay in the credit text (content:check reads 「（记者 石亮）」): the importer drops no character but 摄.
    const start = open ? open.index : m.index
    return {
      caption: body.slice(0, start).trim(),
      credit: { text: `${body.slice(start).trim()}${shot[1]}`, credits },
    }
  }
  return undefined
}

/** True for a line print gives as a photo: the ▲ marker, or text ending in a credit and 摄. */
export function isPhotoLine(line: string): boolean {
  return PHOTO_MARK.test(line) || splitCredit(line) !== undefined
}

/** Splits the text after ▲ into caption and credit; without a recognisable credit the whole text is the caption. */
export function parsePhotoLine(line: string): PrintPhoto {
  const text = line.replace(PHOTO_MARK, '').trim()
  return splitCredit(text) ?? { caption: text.replace(/\s*摄$/, '') }
}
