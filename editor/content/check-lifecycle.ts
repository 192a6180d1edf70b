/** The front-matter fields that change what an article's URLs answer: `aliases:` (301) and `withdrawn:` (410). */
import { SLUG } from '../../model/parse-article.ts'
import { dateProblem } from './check-date.ts'
import type { DraftArticle } from './draft.ts'
import type { LineProblem } from './line-problem.ts'
import type { FrontMatter } from './parse-front-matter.ts'

const WITHDRAWN_EXAMPLE = 'withdrawn: 2026-11-27T10:00:00+08:00 应当事人要求撤稿'

/** `aliases: old-slug, older-slug` and `withdrawn: <RFC 3339 time> <reason>`, checked. */
export function checkLifecycle(
  fm: FrontMatter,
  slug: string,
  problems: LineProblem[],
): Pick<DraftArticle, 'aliases' | 'withdrawn'> {
  const aliasField = fm.fields.aliases
  const aliases = (aliasField?.value ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  for (const alias of aliases) {
    const line = aliasField?.line ?? fm.line
    if (!SLUG.test(alias) || alias === 'all')
      problems.push({ line, message: `alias "${alias}" is not a slug of a-z, 0-9 and inner hyphens; fix it` })
    else if (alias === slug)
      problems.push({ line, message: `alias "${alias}" is the article's own slug; remove it from aliases` })
  }
  const field = fm.fields.withdrawn
  if (!field) return { aliases }
  const m = /^(\S+)\s+(.+)$/.exec(field.value)
  if (!m?.[1] || !m[2]) {
    problems.push({
      line: field.line,
      message: `"withdrawn" needs a time and a reason; write e.g. "${WITHDRAWN_EXAMPLE}"`,
    })
    return { aliases }
  }
  const bad = dateProblem('withdrawn', m[1])
  if (bad) problems.push({ line: field.line, message: bad })
  return { aliases, withdrawn: { at: m[1], reason: m[2].trim() } }
}
