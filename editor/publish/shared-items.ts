/**
 * An article's feed items and feed context as every log of a publish shares them: made once per article and
 * immutable (json-pieces.ts), so an item its feed's archive and its topics' and people's archives all hold is
 * serialised once, and converted to the Traditional edition once.
 */
import type { Article } from '../../model/article.ts'
import { articleItems, type ItemSection } from '../../model/article-items.ts'
import type { FeedEntry } from '../../model/store-values.ts'
import { immutable } from './json-pieces.ts'
import { feedArticle } from './store-entries.ts'

const items = new WeakMap<Article, ItemSection[]>()
const contexts = new WeakMap<Article, FeedEntry['article']>()

/** `articleItems(article)`, the same immutable items on every call for one article. */
export function sharedItems(article: Article): ItemSection[] {
  let made = items.get(article)
  if (!made) {
    made = articleItems(article).map(immutable)
    items.set(article, made)
  }
  return made
}

/** `feedArticle(article)`, the same immutable context on every call for one article. */
export function sharedContext(article: Article): FeedEntry['article'] {
  let made = contexts.get(article)
  if (!made) {
    made = immutable(feedArticle(article))
    contexts.set(article, made)
  }
  return made
}
