/** The version of everything that shapes output besides content: part of every ETag and edge-cache key. */

/**
 * Bump whenever a renderer or a header changes output for unchanged content, so that a deploy changes
 * every ETag (clients refetch) and every edge-cache key (no stale renders survive the deploy).
 */
export const RENDER_VERSION = 'r21'
