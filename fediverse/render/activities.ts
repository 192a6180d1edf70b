/** The activities the paper sends (pure): about an article, and the answer to a Follow. */
import { PAPER_ID } from '../../model/ap-urls.ts'
import { apUrls } from '../ap-urls.ts'
import { type Json, OBJECT_CONTEXT, PUBLIC } from './article-object.ts'

/** `Create` or `Update` of an article object, with an id fixed by the article's slug and stored version. */
export function renderArticleActivity(
  kind: 'create' | 'update',
  object: Json,
  slug: string,
  version: string,
  baseUrl: string,
): Json {
  return {
    '@context': OBJECT_CONTEXT,
    id: apUrls.activity(baseUrl, kind, slug, version),
    type: kind === 'create' ? 'Create' : 'Update',
    actor: apUrls.actor(baseUrl, PAPER_ID),
    published: kind === 'create' ? object.published : object.updated,
    to: [PUBLIC],
    cc: [apUrls.followers(baseUrl, PAPER_ID)],
    object,
  }
}

/** `Delete` of a withdrawn article: the object is its Tombstone. */
export function renderDeleteActivity(tombstone: Json, slug: string, version: string, baseUrl: string): Json {
  return {
    '@context': OBJECT_CONTEXT,
    id: apUrls.activity(baseUrl, 'delete', slug, version),
    type: 'Delete',
    actor: apUrls.actor(baseUrl, PAPER_ID),
    to: [PUBLIC],
    cc: [apUrls.followers(baseUrl, PAPER_ID)],
    object: tombstone,
  }
}

/** `Accept` of a Follow: its id derives from the Follow's, so a repeated Follow is accepted under the same id. */
export function renderAccept(follow: { id: string; actor: string }, baseUrl: string): Json {
  const actor = apUrls.actor(baseUrl, PAPER_ID)
  return {
    '@context': OBJECT_CONTEXT,
    id: `${actor}#accepts/${encodeURIComponent(follow.id)}`,
    type: 'Accept',
    actor,
    to: [follow.actor],
    object: { id: follow.id, type: 'Follow', actor: follow.actor, object: actor },
  }
}
