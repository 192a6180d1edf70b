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

/**
 * A topic's `Announce` of an article (a boost, which Mastodon shows in the home timeline of the topic's followers):
 * the object is the article's id, which dereferences to the paper's `Article`.
 */
export function renderAnnounce(topicActorId: string, slug: string, published: string, baseUrl: string): Json {
  return {
    '@context': OBJECT_CONTEXT,
    id: apUrls.announce(baseUrl, topicActorId, slug),
    type: 'Announce',
    actor: apUrls.actor(baseUrl, topicActorId),
    published,
    to: [PUBLIC],
    cc: [apUrls.followers(baseUrl, topicActorId), apUrls.actor(baseUrl, PAPER_ID)],
    object: apUrls.article(baseUrl, slug),
  }
}

/** `Accept` of a Follow of `actor`: its id derives from the Follow's, so a repeated Follow gets the same id. */
export function renderAccept(follow: { id: string; actor: string }, actor: string): Json {
  return {
    '@context': OBJECT_CONTEXT,
    id: `${actor}#accepts/${encodeURIComponent(follow.id)}`,
    type: 'Accept',
    actor,
    to: [follow.actor],
    object: { id: follow.id, type: 'Follow', actor: follow.actor, object: actor },
  }
}
