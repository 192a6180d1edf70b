/**
 * The content types Cloudflare's front end compresses, and so decodes for a client that takes no gzip: the list on
 * Cloudflare's "Content compression" page (developers.cloudflare.com/speed/optimization/content/compression/),
 * which Miniflare copies as `compressedByCloudflareFL` (node_modules/miniflare/dist/src/index.js) for wrangler dev.
 * For any other type (Atom, JSON Feed, OPML, ActivityPub JSON…) the Worker's bytes and Content-Encoding reach the
 * client unchanged, on the edge and locally. test/worker/compression.test.ts checks this copy against Miniflare's.
 */
export const FRONT_END_DECODED_TYPES: ReadonlySet<string> = new Set([
  // Keep in the order of Cloudflare's page and Miniflare's copy, so a diff against either reads line by line.
  'text/html',
  'text/richtext',
  'text/plain',
  'text/css',
  'text/x-script',
  'text/x-component',
  'text/x-java-source',
  'text/x-markdown',
  'application/javascript',
  'application/x-javascript',
  'text/javascript',
  'text/js',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'application/x-perl',
  'application/x-httpd-cgi',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/vnd.api+json',
  'application/x-protobuf',
  'application/json',
  'multipart/bag',
  'multipart/mixed',
  'application/xhtml+xml',
  'font/ttf',
  'font/otf',
  'font/x-woff',
  'image/svg+xml',
  'application/vnd.ms-fontobject',
  'application/ttf',
  'application/x-ttf',
  'application/otf',
  'application/x-otf',
  'application/truetype',
  'application/opentype',
  'application/x-opentype',
  'application/font-woff',
  'application/eot',
  'application/font',
  'application/font-sfnt',
  'application/wasm',
  'application/javascript-binast',
  'application/manifest+json',
  'application/ld+json',
  'application/graphql+json',
  'application/geo+json',
])

/** Whether the front end decodes this Content-Type (parameters ignored) for clients that take no gzip. */
export function frontEndDecodes(contentType: string): boolean {
  return FRONT_END_DECODED_TYPES.has(contentType.split(';')[0]?.trim().toLowerCase() ?? '')
}
