/** The federation URL contract (docs/urls.md "Fediverse"): every ActivityPub id this Worker mints is made here. */
import { actorUrl } from '../model/ap-urls.ts'

export const apUrls = {
  actor: actorUrl,
  outbox: (base: string, id: string) => `${actorUrl(base, id)}/outbox`,
  followers: (base: string, id: string) => `${actorUrl(base, id)}/followers`,
  /** An article as an ActivityPub object (it dereferences: GET answers the `Article` or its `Tombstone`). */
  article: (base: string, slug: string) => `${base}/ap/articles/${slug}`,
  /**
   * An activity about an article: the same change always gets the same id, so a retried or repeated run
   * never posts twice (`version` is the stored value's content hash).
   */
  activity: (base: string, kind: 'create' | 'update' | 'delete', slug: string, version: string) =>
    `${base}/ap/articles/${slug}/activities/${kind}-${version}`,
  /** A topic's Announce of an article: one per topic and article, whatever its later versions. */
  announce: (base: string, actorId: string, slug: string) => `${actorUrl(base, actorId)}/announces/${slug}`,
} as const
