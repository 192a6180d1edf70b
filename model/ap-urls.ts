/** What the feed Worker and the federation Worker share of the federation URL contract (docs/urls.md "Fediverse"). */

/** The paper's actor identifier: fixed, so changing FEDI_HANDLE keeps every follower. */
export const PAPER_ID = 'paper'

/** Every topic's actor identifier starts so (`topic-qijiang`): no topic id can take the paper's. */
const TOPIC_ACTOR_PREFIX = 'topic-'

/** The actor identifier of topic `id` (content/topics.md): `topic-{id}`. */
export const topicActorId = (topicId: string): string => `${TOPIC_ACTOR_PREFIX}${topicId}`

/** The topic id of a topic's actor identifier, or null when it names no topic. */
export function topicIdOfActor(identifier: string): string | null {
  if (!identifier.startsWith(TOPIC_ACTOR_PREFIX)) return null
  const id = identifier.slice(TOPIC_ACTOR_PREFIX.length)
  return /^[a-z0-9-]+$/.test(id) ? id : null
}

/** An actor's id (and URL): the paper's is `{base}/ap/actors/paper`, a topic's `{base}/ap/actors/topic-{id}`. */
export const actorUrl = (base: string, id: string = PAPER_ID): string => `${base}/ap/actors/${id}`

/**
 * The path the feed Worker's cron POSTs to through its service binding, asking the federation Worker to tell
 * followers what changed. Outside `/ap/`, so the feed Worker never forwards it from the internet.
 */
export const FEDIVERSE_SYNC_PATH = '/__fediverse/sync'
