/** Reads credits as editors and print write them (`记者 石亮`, `文/记者 李四 通讯员 王五`, `staff Shi Liang`): roles as data. */
import { CREDIT_LABELS_ZH, CREDIT_ROLES, type Credit, type CreditRole } from '../../model/article.ts'

/** Print labels, longest first, so 摄影记者 is not read as 摄影 + 记者. */
const ZH_LABELS: readonly [string, CreditRole][] = CREDIT_ROLES.map((role): [string, CreditRole] => [
  CREDIT_LABELS_ZH[role],
  role,
]).sort((a, b) => b[0].length - a[0].length)

/** The Chinese labels as a regex alternation, longest first (the importer finds credits inside photo lines). */
export const ZH_LABEL_PATTERN = ZH_LABELS.map(([label]) => label).join('|')

/** Words print puts before a label without changing the role: 本报记者 (this paper's), 特约通讯员, 首席记者. */
export const QUALIFIER = '本报|特约|首席|见习|实习|驻站'

/**
 * What print puts around a byline and the credits do not need: a list marker (■), the "text by" / "text and
 * photos by" prefix (文/, 文/图, 图文：), brackets around a closing byline (（记者 李四）) and a final 报道 (reports).
 */
export const BYLINE_PREFIX = /^(?:[■□●◆◇]\s*)?(?:(?:文|图)(?:\s*[/／·・、]\s*(?:文|图))?\s*[/／|｜:：]?\s*)?/u
const BRACKETS = /^[（(]\s*(.*?)\s*[）)]$/u
const REPORTED = /\s*报道$/u

const LABEL = new RegExp(
  `((?:${QUALIFIER})?(?:${ZH_LABEL_PATTERN}))|(?:^|(?<=[\\s,，、;；]))(${CREDIT_ROLES.join('|')})(?=\\s)`,
  'gu',
)
const HAN = /^\p{Script=Han}+$/u

/** Names written in one run of text: a lone Han character is half of a spaced name (陈 刚). */
function namesIn(text: string): string[] {
  if (!text) return []
  const tokens = text.split(/[\s\u3000]+/u)
  if (!tokens.every((t) => HAN.test(t))) return [tokens.join(' ')]
  const merged: string[] = []
  for (const t of tokens) {
    const last = merged.at(-1)
    if (last !== undefined && ([...last].length === 1 || [...t].length === 1)) merged[merged.length - 1] += t
    else merged.push(t)
  }
  return merged
}

/** `NAME {#person-id}`: which of two people sharing a name is meant (content/people.md). */
const PERSON_ID = /\s*\{#([^}]*)\}\s*/u

/**
 * Names after one label: split at 、，; and, for Chinese names, at spaces; a `{#id}` after a name says which
 * person of content/people.md it is.
 */
function splitNames(segment: string): { name: string; id?: string }[] | string {
  const names: { name: string; id?: string }[] = []
  for (const piece of segment.split(/[,，、;；]/u)) {
    const parts = piece.trim().split(PERSON_ID)
    for (let i = 0; i < parts.length; i += 2) {
      names.push(...namesIn((parts[i] ?? '').trim()).map((name) => ({ name })))
      const id = parts[i + 1]
      if (id === undefined) continue
      const last = names.at(-1)
      if (last === undefined || last.id !== undefined)
        return `"{#${id}}" follows no name; write it right after the name it identifies, e.g. 记者 张伟 {#zhang-wei-2}`
      last.id = id
    }
  }
  return names
}

/** The text of a credit line with print's decoration removed (prefix, brackets, 报道). */
export function bareCredit(value: string): string {
  const text = value.trim()
  const inner = BRACKETS.exec(text)?.[1] ?? text
  return inner.replace(BYLINE_PREFIX, '').replace(REPORTED, '').trim()
}

/** Every credited person in order, each with the role of the label before them, or what is wrong and how to fix it. */
export function parseCredits(value: string): { credits: Credit[] } | { problem: string } {
  const text = bareCredit(value)
  const parts = text.split(LABEL)
  // split with two capture groups: [before, zhLabel, enRole, segment, zhLabel, enRole, segment, …]
  if ((parts[0] ?? '').trim() !== '' || parts.length < 4) {
    const known = [...ZH_LABELS.map(([label]) => label), ...CREDIT_ROLES].join(', ')
    return {
      problem: `"${value}" does not start with a known role; write ROLE NAME with ROLE one of ${known}`,
    }
  }
  const credits: Credit[] = []
  for (let i = 1; i + 2 < parts.length + 1; i += 3) {
    const label = parts[i] ?? parts[i + 1] ?? ''
    const role =
      ZH_LABELS.find(([zh]) => label.endsWith(zh))?.[1] ?? CREDIT_ROLES.find((r) => r === label) ?? 'staff'
    const names = splitNames(parts[i + 2] ?? '')
    if (typeof names === 'string') return { problem: names }
    if (names.length === 0)
      return { problem: `the credit "${label}" has a role but no name; write ROLE NAME, e.g. 记者 石亮` }
    for (const name of names) credits.push({ role, ...name })
  }
  return { credits }
}

/** Exactly one credited person (a photo's credit), or what is wrong and how to fix it. */
export function parsePhotoCredit(value: string): { credit: Credit } | { problem: string } {
  const parsed = parseCredits(value)
  if ('problem' in parsed) return parsed
  const [credit, ...more] = parsed.credits
  if (!credit || more.length > 0)
    return {
      problem: `"${value}" names ${parsed.credits.length} people; a photo has one credit: keep the photographer and name the others in the caption`,
    }
  return { credit }
}
