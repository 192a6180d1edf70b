/** Reads a print photo line (`▲綦江城区一景。记者 石亮 摄`) into its caption and credit. */
import type { CreditRole } from '../../model/article.ts'
import { parseCredit, ZH_LABEL_PATTERN } from '../content/parse-credit.ts'

/** A photo as print gives it: caption text and, when found, the credit as printed (label + name). */
export interface PrintPhoto {
  caption: string
  credit?: { text: string; role: CreditRole; name: string }
}

/** The print marker that starts a photo line. */
export const PHOTO_MARK = /^[▲△]/

// The caption must end at punctuation or a space before the label, so 摄影记者 is never split into 摄影 + 记者.
const CREDIT_AT_END = new RegExp(`^(.*[。！？!?.…”\\s])?\\s*((?:${ZH_LABEL_PATTERN})\\s*\\S.*?)\\s*摄$`, 'u')

/** Splits the text after ▲ into caption and credit; without a recognisable credit the whole text is the caption. */
export function parsePhotoLine(line: string): PrintPhoto {
  const text = line.replace(PHOTO_MARK, '').trim()
  const m = CREDIT_AT_END.exec(text)
  const creditText = m?.[2]?.trim()
  const parsed = creditText ? parseCredit(creditText) : undefined
  if (!m || !creditText || !parsed || !('credit' in parsed)) return { caption: text.replace(/\s*摄$/, '') }
  const label = creditText.slice(0, creditText.length - parsed.credit.name.length).trim()
  return {
    caption: (m[1] ?? '').trim(),
    credit: { text: `${label} ${parsed.credit.name}`, ...parsed.credit },
  }
}
