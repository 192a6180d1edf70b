/** The printed photo credit, one wording for the pages, the feeds and the widget (each picks its language). */
import { CREDIT_LABELS_EN, CREDIT_LABELS_ZH, CREDIT_LABELS_ZH_HANT, type CreditRole } from './article.ts'

/** `记者 石亮 摄`: the Chinese print form. */
export const creditLineZh = (role: CreditRole, name: string): string => `${CREDIT_LABELS_ZH[role]} ${name} 摄`

/** `記者 石亮 攝`: the Traditional (Taiwan) edition's print form. */
export const creditLineZhHant = (role: CreditRole, name: string): string =>
  `${CREDIT_LABELS_ZH_HANT[role]} ${name} 攝`

/** `Photo: 石亮 (staff reporter)`: every other language. */
export const creditLineEn = (role: CreditRole, name: string): string =>
  `Photo: ${name} (${CREDIT_LABELS_EN[role]})`
