/** What the feed Worker and the federation Worker share of the federation URL contract (docs/urls.md "Fediverse"). */

/** The paper's actor identifier: fixed, so changing FEDI_HANDLE keeps every follower. */
export const PAPER_ID = 'paper'

/** An actor's id (and URL): the paper's is `{base}/ap/actors/paper`. */
export const actorUrl = (base: string, id: string = PAPER_ID): string => `${base}/ap/actors/${id}`

/**
 * The path the feed Worker's cron POSTs to through its service binding, asking the federation Worker to tell
 * followers what changed. Outside `/ap/`, so the feed Worker never forwards it from the internet.
 */
export const FEDIVERSE_SYNC_PATH = '/__fediverse/sync'
