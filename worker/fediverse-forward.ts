/**
 * The paths the federation Worker answers (fediverse/, docs "URLs"): forwarded unchanged through the FEDIVERSE
 * service binding, every method included (inboxes take POST). Everything else goes to the route table.
 */
import { FEDIVERSE_SYNC_PATH } from '../model/ap-urls.ts'

/** WebFinger, NodeInfo discovery and documents, and every ActivityPub URL (`/ap/…`). */
const FORWARDED = /^https?:\/\/[^/]+\/(?:\.well-known\/(?:webfinger|nodeinfo)(?:[?#]|$)|nodeinfo\/|ap\/)/

/** True when the federation Worker answers this URL. */
export const isFediverseUrl = (url: string): boolean => FORWARDED.test(url)

/** Where the cron asks the federation Worker to tell followers what changed (the host is not used by a binding). */
const FEDIVERSE_SYNC_URL = `https://fediverse.internal${FEDIVERSE_SYNC_PATH}`

type FetchHandler = (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>

/** Wraps the fetch handler: federation URLs to the federation Worker, the rest to `handler`. */
export function withFediverse(handler: FetchHandler): FetchHandler {
  return (request, env, ctx) =>
    isFediverseUrl(request.url) ? env.FEDIVERSE.fetch(request) : handler(request, env, ctx)
}

/** The cron's part for the fediverse: one POST; a failure is logged, never thrown (the feeds' part goes on). */
export async function syncFediverse(env: Env): Promise<void> {
  try {
    const response = await env.FEDIVERSE.fetch(FEDIVERSE_SYNC_URL, { method: 'POST' })
    console.log(`fediverse sync: ${response.status} ${await response.text()}`)
  } catch (e) {
    console.log(`fediverse sync: ${e}`)
  }
}
