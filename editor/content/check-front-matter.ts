/** Checks the front-matter values and turns them into the article-level fields of a DraftArticle. */
import type { Credit } from '../../model/article.ts'
import { SLUG } from '../../model/parse-article.ts'
import { dateProblem } from './check-date.ts'
import { isPlaceholder, LIMITS, lengthProblem } from './check-text.ts'
import { urlProblem } from './check-url.ts'
import type { DraftArticle } from './draft.ts'
import type { LineProblem } from './line-problem.ts'
import { parseCredits } from './parse-credit.ts'
import type { FrontMatter, FrontMatterKey } from './parse-front-matter.ts'
import { resolveCredit, type Subjects } from './subjects.ts'

/** The article-level fields of a DraftArticle, read from the front matter. */
export type ArticleHead = Pick<
  DraftArticle,
  | 'slug'
  | 'title'
  | 'dek'
  | 'lang'
  | 'byline'
  | 'contributors'
  | 'published'
  | 'canonical'
  | 'tags'
  | 'topics'
>

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/
const EXAMPLES: Record<'slug' | 'title' | 'lang' | 'byline' | 'published', string> = {
  slug: 'qijiang-strategic-pivot',
  title: '一个主城都市区的重要战略支点',
  lang: 'zh-CN',
  byline: '文/记者 刘柳吟',
  published: '2020-12-22T08:00:00+08:00',
}

const PLACEHOLDER_HINTS: Record<keyof typeof EXAMPLES, string> = {
  slug: `choose a stable ASCII slug such as ${EXAMPLES.slug} (it is used in URLs forever) and name the file after it`,
  title: `write the headline, e.g. ${EXAMPLES.title}`,
  lang: `write the language tag, e.g. ${EXAMPLES.lang}`,
  byline: `write role and name, e.g. ${EXAMPLES.byline}`,
  published: `write the print date and time with offset, e.g. ${EXAMPLES.published}`,
}

/** Every problem in the front matter; the head is complete only when none was pushed. */
export function checkFrontMatter(
  fm: FrontMatter,
  fileSlug: string,
  subjects: Subjects,
  problems: LineProblem[],
): ArticleHead {
  const at = (key: FrontMatterKey) => fm.fields[key]?.line ?? fm.line
  const report = (key: FrontMatterKey, message: string | undefined) => {
    if (message) problems.push({ line: at(key), message })
  }
  const required = (key: keyof typeof EXAMPLES): string => {
    const field = fm.fields[key]
    if (!field) report(key, `missing field "${key}"; add "${key}: ${EXAMPLES[key]}" to the front matter`)
    else if (!field.value) report(key, `"${key}" is empty; write it, e.g. "${key}: ${EXAMPLES[key]}"`)
    else if (isPlaceholder(field.value))
      report(key, `${key} "${field.value}" is the importer's placeholder; ${PLACEHOLDER_HINTS[key]}`)
    else return field.value
    return ''
  }
  const slug = required('slug')
  if (slug && !SLUG.test(slug))
    report(
      'slug',
      `slug "${slug}" is not 1-80 characters of a-z, 0-9 and inner hyphens; write e.g. ${EXAMPLES.slug}`,
    )
  else if (slug === 'all')
    report(
      'slug',
      'slug "all" is reserved for the feeds of every article (/feeds/all.rss); choose another slug',
    )
  else if (slug && slug !== fileSlug)
    report(
      'slug',
      `slug "${slug}" does not match the file name ${fileSlug}.md; rename the file to ${slug}.md or fix the slug`,
    )
  const title = required('title')
  report('title', lengthProblem('title', title, LIMITS.title))
  const lang = required('lang')
  if (lang && !LANG.test(lang))
    report('lang', `lang "${lang}" is not a BCP 47 language tag; write e.g. zh-CN or en`)
  const bylineText = required('byline')
  let byline: Credit = { role: 'staff', name: '' }
  let contributors: Credit[] = []
  if (bylineText) {
    const parsed = parseCredits(bylineText)
    if ('problem' in parsed) report('byline', `byline ${parsed.problem}`)
    else {
      const credits = parsed.credits.map((c) => {
        report('byline', lengthProblem('a byline name', c.name, LIMITS.name))
        return resolveCredit(c, subjects.people, (p) => report('byline', `byline: ${p}`))
      })
      ;[byline = byline, ...contributors] = credits
    }
  }
  const published = required('published')
  if (published && isPlaceholder(published))
    report(
      'published',
      `published "${published}" is the importer's placeholder; write the print date, e.g. ${EXAMPLES.published}`,
    )
  else if (published) report('published', dateProblem('published', published))
  const dek = fm.fields.dek?.value
  if (dek === '') report('dek', '"dek" is empty; write a one-sentence summary or delete the line')
  else if (dek) report('dek', lengthProblem('dek', dek, LIMITS.dek))
  const canonical = fm.fields.canonical?.value
  if (canonical !== undefined) report('canonical', urlProblem('canonical', canonical, ['http:', 'https:']))
  const tags = (fm.fields.tags?.value ?? '').split(/[,，、]/).map((t) => t.trim())
  if (tags.some((t) => !t) && fm.fields.tags?.value)
    report('tags', 'a tag is empty; separate tags with single commas (, ， or 、) and no trailing comma')
  for (const tag of tags) report('tags', lengthProblem(`tag "${tag.slice(0, 20)}…"`, tag, LIMITS.tag))
  const topics = tags.filter(Boolean).map((tag) => {
    const found = subjects.topics.resolve(tag)
    if ('problem' in found) report('tags', found.problem)
    return 'id' in found ? found.id : ''
  })
  return {
    slug,
    title,
    ...(dek ? { dek } : {}),
    lang,
    byline,
    ...(contributors.length > 0 ? { contributors } : {}),
    published,
    ...(canonical ? { canonical } : {}),
    tags: tags.filter(Boolean),
    ...(topics.length > 0 ? { topics } : {}),
  }
}
