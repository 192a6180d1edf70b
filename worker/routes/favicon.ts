/** `/favicon.svg`: a constant icon in code; also the benchmark's floor (a response with no KV read). */
import type { Representation } from '../http/representation.ts'
import type { RouteHandler } from '../http/route-handler.ts'

/** A folded newspaper in the brand ink: a plain, scriptless SVG. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d1d1b"/><path d="M7 9h18v3H7zm0 5h8v9H7zm10 0h8v2h-8zm0 4h8v2h-8zm0 4h8v1h-8z" fill="#fbfaf6"/></svg>`

const REPRESENTATION: Representation = {
  body: FAVICON,
  contentType: 'image/svg+xml',
  version: 'favicon-1',
  cache: 'static',
}

/** Always the same representation. */
export const faviconRoute: RouteHandler = () => REPRESENTATION
