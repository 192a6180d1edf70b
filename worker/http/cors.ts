/** CORS for the read routes other origins fetch (feeds, oEmbed, media, widget): public data, no credentials. */

/** Headers on every response of a CORS route, errors included, so a widget can read a 404's problem body. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Last-Modified, Retry-After',
}

/** The answer to a preflight: the methods and the conditional headers a reader may send; cached for a day. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'If-None-Match, If-Modified-Since, Cache-Control',
      'access-control-max-age': '86400',
      allow: 'GET, HEAD, OPTIONS',
    },
  })
}
