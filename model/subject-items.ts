/**
 * Which items of an article each topic and person feed holds: every item for a tag and for a credited writer, the
 * items holding their photos for a photographer. Publish places them by it; the embargo cron names those feeds by it.
 */
import type { Article } from './article.ts'
import { articleItems, type ItemSection } from './article-items.ts'
import type { SubjectKind } from './subject.ts'

/** `kind:id` → the subject and the article's items (`articleItems`, or as the caller made them), in reading order. */
export function subjectItems(
  article: Article,
  items: readonly ItemSection[] = articleItems(article),
): Map<string, { kind: SubjectKind; id: string; items: ItemSection[] }> {
  const out = new Map<string, { kind: SubjectKind; id: string; items: ItemSection[] }>()
  const add = (kind: SubjectKind, id: string | undefined, list: readonly ItemSection[]) => {
    if (!id || list.length === 0) return
    const key = `${kind}:${id}`
    const known = out.get(key)?.items ?? []
    out.set(key, { kind, id, items: [...known, ...list.filter((i) => !known.includes(i))] })
  }
  for (const id of article.topics ?? []) add('topic', id, items)
  for (const c of [article.byline, ...(article.contributors ?? [])]) add('person', c.id, items)
  for (const item of items) for (const p of item.photos) add('person', p.credit.id, [item])
  // Reading order within a log, whatever order the credits added them in.
  for (const v of out.values()) v.items.sort((a, b) => items.indexOf(a) - items.indexOf(b))
  return out
}
