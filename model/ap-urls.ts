/** The federation URL contract (docs "URLs"): every ActivityPub id this Worker mints is made here. */

/** The paper's actor identifier: fixed, so changing FEDI_HANDLE keeps every follower. */
export const PAPER_ID = 'paper'

export const apUrls = {
  actor: (base: string, id: string) => `${base}/ap/actors/${id}`,
  inbox: (base: string, id: string) => `${base}/ap/actors/${id}/inbox`,
  sharedInbox: (base: string) => `${base}/ap/inbox`,
  outbox: (base: string, id: string) => `${base}/ap/actors/${id}/outbox`,
  followers: (base: string, id: string) => `${base}/ap/actors/${id}/followers`,
  /** An article as an ActivityPub object (it dereferences: GET answers the `Article` or its `Tombstone`). */
  article: (base: string, slug: string) => `${base}/ap/articles/${slug}`,
  /**
   * An activity about an article: the same change always gets the same id, so a retried or repeated run
   * never posts twice (`version` is the stored value's content hash).
   */
  activity: (base: string, kind: 'create' | 'update' | 'delete', slug: string, version: string) =>
    `${base}/ap/articles/${slug}/activities/${kind}-${version}`,
} as const

/**
 * The path the feed Worker's cron POSTs to through its service binding, asking the federation Worker to tell
 * followers what changed. Outside `/ap/`, so the feed Worker never forwards it from the internet.
 */
export const FEDIVERSE_SYNC_PATH = '/__fediverse/sync'
