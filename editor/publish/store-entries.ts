/** The KV entries of single values: versioned JSON, an article's summary, withdrawals and aliases. */
import type { Article } from '../../model/article.ts'
import { keys } from '../../model/store-keys.ts'
import type {
  ArticleHistory,
  ArticleSummary,
  FeedEntry,
  GoneValue,
  MovedValue,
} from '../../model/store-values.ts'
import type { DraftArticle } from '../content/draft.ts'
import { articleHeader } from './build-article.ts'
import { contentHash } from './content-hash.ts'
import { type JsonPiece, jsonPieces, pieceText } from './json-pieces.ts'
import { type KvEntry, keepHeaded, textEntry } from './kv-entry.ts'
import { movedSource } from './source-hash.ts'

/** The body each versioned entry was serialised from: the Traditional edition converts it without parsing the value. */
const bodies = new WeakMap<KvEntry, object>()

/** The body `entry` was serialised from (versioned's entries; not a copy of one), else undefined. */
export const bodyOf = (entry: KvEntry): object | undefined => bodies.get(entry)

/** A JSON value stored under `key`, with a `version` (its own content hash) for ETags; serialised once. */
export function versioned(key: string, body: object, meta: { s?: string; g?: string } = {}): KvEntry {
  const json = jsonPieces(body)
  let version = ''
  // The version goes first, in place of the JSON's `{` (with a comma when members follow); the entry keeps the
  // bytes, not the text (kv-entry.ts).
  const kept = keepHeaded(json, (bytes) => {
    version = contentHash(bytes)
    return json.length === 1 && pieceText(json[0] as JsonPiece) === '{}'
      ? `{"version":"${version}"`
      : `{"version":"${version}",`
  })
  const entry = textEntry(key, kept, { h: version, ...meta })
  bodies.set(entry, body)
  return entry
}

/** What the lists and the "all" feed know of an article. */
export function summarize(a: Article): ArticleSummary {
  const photo = a.sections.find((s) => s.photos.length > 0)?.photos[0] ?? a.photos[0]
  return {
    ...articleHeader(a),
    updated: a.updated,
    sectionCount: a.sections.length,
    ...(photo ? { photo } : {}),
  }
}

/** The article context every "all" feed item of `a` carries. */
export function feedArticle(a: Article): FeedEntry['article'] {
  const { sectionCount: _c, photo: _p, ...context } = summarize(a)
  return context
}

/** `v2:article:{slug}` of a withdrawn article: no text, the time and reason, and its history. */
export function gone(draft: DraftArticle, history: ArticleHistory, source: string): KvEntry {
  const body: Omit<GoneValue, 'version'> & { history: ArticleHistory } = {
    gone: {
      slug: draft.slug,
      withdrawn: draft.withdrawn?.at ?? history.newest,
      reason: draft.withdrawn?.reason ?? '',
    },
    history,
  }
  return versioned(keys.article(draft.slug), body, { s: source })
}

/** `v2:article:{alias}` pointing at the article's slug now. */
export function moved(alias: string, to: string): KvEntry {
  const body: Omit<MovedValue, 'version'> = { moved: { to } }
  return versioned(keys.article(alias), body, { s: movedSource(to) })
}
