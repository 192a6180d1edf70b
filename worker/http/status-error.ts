/** The one error type handlers throw for an HTTP status; the dispatcher turns it into a response. */

/** An expected failure with its status, a short title and a detail safe to show to clients. */
export class StatusError extends Error {
  override readonly name = 'StatusError'
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string = title,
    /** Extra response headers, e.g. `Allow` on 405 or `Retry-After` on 503. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${title}: ${detail}`)
  }
}

/** 404 with the path in the detail (the caller escapes it when rendering). */
export const notFound = (detail = 'Nothing is published at this address.'): StatusError =>
  new StatusError(404, 'Not Found', detail)
