/** Limits on request size, checked before routing: oversized input gets 414/431, never work or a 500. */
import { StatusError } from './status-error.ts'

const MAX_QUERY = 2048
const MAX_PATH = 1024
const MAX_HEADERS = 16 * 1024

/** Throws 414 for a huge path or query string and 431 for huge headers. */
export function checkRequestLimits(request: Request, url: URL): void {
  if (url.search.length > MAX_QUERY || url.pathname.length > MAX_PATH)
    throw new StatusError(
      414,
      'URI Too Long',
      `Paths are limited to ${MAX_PATH} and queries to ${MAX_QUERY} bytes.`,
    )
  if (!headersWithinLimit(request))
    throw new StatusError(
      431,
      'Request Header Fields Too Large',
      `Headers are limited to ${MAX_HEADERS} bytes.`,
    )
}

/**
 * Whether the request's header fields fit the 16 KB limit (name, value, ": " and CRLF each). Cheap enough for the
 * isolate cache's hits too: a remembered URL proves the URL fits, never the headers.
 */
export function headersWithinLimit(request: Request): boolean {
  let size = 0
  for (const [name, value] of request.headers) size += name.length + value.length + 4
  return size <= MAX_HEADERS
}
