/** Conditional GET (RFC 9110 §13.2.2): If-None-Match first; If-Modified-Since only when there is none. */
import { ifNoneMatchHits } from './entity-tag.ts'
import { parseHttpDate } from './http-date.ts'

/**
 * Whether a 304 answers this request. `etags` lists the tags of every content coding of the same content:
 * a client holding the gzip variant's tag holds current content too, whichever coding it asks for now.
 */
export function isNotModified(request: Request, etags: readonly string[], lastModified?: string): boolean {
  const inm = request.headers.get('if-none-match')
  if (inm !== null) return ifNoneMatchHits(inm, etags)
  const ims = request.headers.get('if-modified-since')
  if (ims === null || lastModified === undefined) return false
  const since = parseHttpDate(ims)
  const modified = Math.floor(Date.parse(lastModified) / 1000)
  return since !== null && modified <= since
}
