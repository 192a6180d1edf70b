/** English names of the credit roles in pages and feeds (UI words: the model keeps only the role). */
import type { CreditRole } from '../../model/article.ts'

/** "Photo: 石亮 (staff reporter)", "By 刘柳吟, staff reporter". */
export const CREDIT_LABELS_EN: Readonly<Record<CreditRole, string>> = {
  staff: 'staff reporter',
  correspondent: 'correspondent',
  photographer: 'staff photographer',
  contributor: 'contributor',
}
