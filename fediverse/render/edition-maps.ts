/**
 * An article's language maps (ActivityStreams `contentMap`, `nameMap`, `summaryMap`): the original first (Mastodon
 * takes a post's language from the first key), then each other edition publish wrote of the same version, keyed by
 * its own `lang` (`zh-CN`, `zh-TW`: the tags Mastodon knows). Pure: editions come in as data, converted by publish.
 */
import type { Article } from '../../model/article.ts'

export type LanguageMap = Record<string, string>

/** Whether `edition` is a conversion of this very version of `article` (not one publish behind, nor ahead). */
export function sameVersion(article: Article, edition: Article): boolean {
  const stamps = (a: Article) => JSON.stringify([a.slug, a.updated, a.sections.map((s) => [s.id, s.updated])])
  return edition.lang !== article.lang && stamps(edition) === stamps(article)
}

/** One map per field: `html` renders an edition's body; `summary` its dek (absent: no `summaryMap`). */
export function languageMaps(
  article: Article,
  editions: readonly Article[],
  html: (a: Article) => string,
  summary: (a: Article) => string | undefined,
): { contentMap: LanguageMap; nameMap: LanguageMap; summaryMap?: LanguageMap } {
  const all = [article, ...editions.filter((e) => sameVersion(article, e))]
  const map = (field: (a: Article) => string | undefined): LanguageMap => {
    const out: LanguageMap = {}
    for (const a of all) {
      const value = field(a)
      if (value !== undefined && !(a.lang in out)) out[a.lang] = value
    }
    return out
  }
  const summaryMap = map(summary)
  return {
    contentMap: map(html),
    nameMap: map((a) => a.title),
    ...(Object.keys(summaryMap).length > 0 ? { summaryMap } : {}),
  }
}
