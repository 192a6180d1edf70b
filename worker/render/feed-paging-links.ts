/** RFC 5005 navigation links shared by the RSS (atom:link) and Atom (link) renderers. */

import type { FeedFormat } from '../../model/feed-urls.ts'
import type { FeedDocument } from './feed-document.ts'

/** A link relation and its target, in the order readers expect them. */
export interface NavigationLink {
  rel: 'first' | 'previous' | 'next' | 'last'
  href: string
}

/**
 * Paged-feed links (RFC 5005 section 3) for `format`. We deliberately do NOT emit `prev-archive`: archive
 * documents (section 4) must be stable, but page N of "all" shifts whenever an article is published, so
 * calling it an archive would let a reader cache a page whose content later changes.
 */
export function navigationLinks(doc: FeedDocument, format: FeedFormat): NavigationLink[] {
  const p = doc.paging
  if (!p) return []
  const links: NavigationLink[] = [{ rel: 'first', href: p.first[format] }]
  if (p.previous) links.push({ rel: 'previous', href: p.previous[format] })
  if (p.next) links.push({ rel: 'next', href: p.next[format] })
  links.push({ rel: 'last', href: p.last[format] })
  return links
}
