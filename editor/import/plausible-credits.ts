/** Decides whether print text is a credit line (a byline, a photo credit): it must read as credits with real names. */
import type { Credit } from '../../model/article.ts'
import { bareCredit, parseCredits, ZH_LABEL_PATTERN } from '../content/parse-credit.ts'
import { COMMON_SURNAMES } from './common-surnames.ts'

/** Chinese personal names are 2–4 characters (a compound surname and a two-character given name at most). */
const HAN_NAME = /^\p{Script=Han}{2,4}$/u
/** Latin names: up to five capitalised words (Shi Liang, Mary-Ann O'Neil), at most 40 characters. */
const LATIN_NAME = /^(?=.{1,40}$)\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,4}$/u

/** A label written flush against the next character (记者李四): that character should be a surname. */
const FLUSH = new RegExp(`(?:${ZH_LABEL_PATTERN})(\\p{Script=Han})`, 'gu')

/** The credits when every name looks like a person's name, else undefined (记者节上的故事 is not 记者 + a name). */
export function plausibleCredits(text: string): Credit[] | undefined {
  if ([...text].length > 80) return undefined
  const parsed = parseCredits(text)
  if ('problem' in parsed) return undefined
  for (const m of bareCredit(text).matchAll(FLUSH)) if (!COMMON_SURNAMES.has(m[1] ?? '')) return undefined
  return parsed.credits.every((c) => HAN_NAME.test(c.name) || LATIN_NAME.test(c.name))
    ? parsed.credits
    : undefined
}
