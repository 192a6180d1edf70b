/** Reads a credit or byline as editors write it (`记者 石亮`, `文/记者 刘柳吟`, `staff Shi Liang`) into role + name. */
import { CREDIT_LABELS_ZH, CREDIT_ROLES, type Credit, type CreditRole } from '../../model/article.ts'

/** Print labels, longest first, so 摄影记者 is not read as 摄影 + 记者. */
const ZH_LABELS: readonly [string, CreditRole][] = CREDIT_ROLES.map((role): [string, CreditRole] => [
  CREDIT_LABELS_ZH[role],
  role,
]).sort((a, b) => b[0].length - a[0].length)

/** The Chinese labels as a regex alternation, longest first (the importer finds credits inside photo lines). */
export const ZH_LABEL_PATTERN = ZH_LABELS.map(([label]) => label).join('|')

/** The print prefix of a byline ("文/" = text by); optional in content files. */
export const BYLINE_PREFIX = /^文\s*[/／]\s*/

/** The role and name, or a message saying what is wrong and how to fix it. */
export function parseCredit(value: string): { credit: Credit } | { problem: string } {
  const text = value.replace(BYLINE_PREFIX, '').trim()
  for (const [label, role] of ZH_LABELS)
    if (text.startsWith(label)) return named(role, text.slice(label.length).trim())
  const english = /^([a-z]+)\s+(.*)$/.exec(text)
  const role = CREDIT_ROLES.find((r) => r === english?.[1])
  if (role) return named(role, english?.[2]?.trim() ?? '')
  const known = [...ZH_LABELS.map(([label]) => label), ...CREDIT_ROLES].join(', ')
  return { problem: `"${value}" does not start with a known role; write ROLE NAME with ROLE one of ${known}` }
}

function named(role: CreditRole, name: string): { credit: Credit } | { problem: string } {
  if (!name) return { problem: 'the credit has a role but no name; write ROLE NAME, e.g. 记者 石亮' }
  return { credit: { role, name } }
}
