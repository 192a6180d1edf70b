/** RFC 5005 archived-feed links shared by the RSS (atom:link) and Atom (link) renderers. */

import type { FeedFormat } from '../../model/feed-urls.ts'
import type { FeedDocument } from './feed-document.ts'

/** A link relation and its target, in the order readers expect them. */
export interface NavigationLink {
  rel: 'current' | 'prev-archive' | 'next-archive'
  href: string
}

/** The history namespace (RFC 5005): `fh:archive` marks an archive document. */
export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0'

/**
 * Archived-feed links (RFC 5005 section 4) for `format`. The "all" feed's archive pages are numbered from the
 * oldest and their entries never change once complete, so readers may cache them and walk `prev-archive` back
 * from the subscription document to reconstruct the whole feed.
 */
export function navigationLinks(doc: FeedDocument, format: FeedFormat): NavigationLink[] {
  const a = doc.archive
  if (!a) return []
  const links: NavigationLink[] = []
  if (a.isArchive) links.push({ rel: 'current', href: a.current[format] })
  if (a.prevArchive) links.push({ rel: 'prev-archive', href: a.prevArchive[format] })
  if (a.nextArchive) links.push({ rel: 'next-archive', href: a.nextArchive[format] })
  return links
}
