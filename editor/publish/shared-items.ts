/**
 * An article's feed items and feed context as every log of a publish shares them: made once per article and
 * immutable (json-pieces.ts), so an item its feed's archive and its topics' and people's archives all hold is
 * serialised once, and converted to the Traditional edition once.
 */
import type { Article } from '../../model/article.ts'
import { articleItems } from '../../model/article-items.ts'
import { immutable } from './json-pieces.ts'
import { feedArticle } from './store-entries.ts'

/** `make(article)`, made once per article: every later call for the same article gets the same value. */
function perArticle<T>(make: (article: Article) => T): (article: Article) => T {
  const made = new WeakMap<Article, T>()
  return (article) => {
    const known = made.get(article)
    if (known !== undefined) return known
    const value = make(article)
    made.set(article, value)
    return value
  }
}

/** `articleItems(article)`, each item immutable, the same on every call for one article. */
export const sharedItems = perArticle((article) => articleItems(article).map(immutable))

/** `feedArticle(article)`, immutable, the same on every call for one article. */
export const sharedContext = perArticle((article) => immutable(feedArticle(article)))
