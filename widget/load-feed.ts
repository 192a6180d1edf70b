/** Fetches a feed the privacy-preserving way (no cookies, abortable) and parses it. */
import { JSON_FEED_MEDIA_TYPE } from '../model/feed-urls.ts'
import { FeedError } from './feed-error.ts'
import { type CardFeed, parseFeed } from './parse-feed.ts'

/**
 * GETs `url` (absolute: the element resolves its `src`) without credentials; an abort rejects with the signal's
 * AbortError, any other failure with FeedError.
 */
export async function loadFeed(url: string, signal: AbortSignal): Promise<CardFeed> {
  let response: Response
  try {
    response = await fetch(url, {
      credentials: 'omit',
      signal,
      headers: { accept: `${JSON_FEED_MEDIA_TYPE}, application/json;q=0.9` },
    })
  } catch (e) {
    if (signal.aborted) throw e
    throw new FeedError('network error')
  }
  if (!response.ok) throw new FeedError(`HTTP ${response.status}`, response.status)
  let body: unknown
  try {
    body = await response.json()
  } catch (e) {
    if (signal.aborted) throw e
    throw new FeedError('not JSON', response.status)
  }
  return parseFeed(body, response.url || url)
}
