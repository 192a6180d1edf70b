/**
 * The image types Broadsheet takes and serves, by file extension, in one table: what a content file may name
 * (editor/content, FORMAT.md), what publish stores under `/media/` and what the Worker's media route sends.
 */
export const IMAGE_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

/** Every allowed image MIME type, each once. */
export const IMAGE_TYPES: readonly string[] = [...new Set(Object.values(IMAGE_TYPE_BY_EXTENSION))]

/** A stored media file's name: `<32 hex>.<ext>`, content-addressed, with one of the table's extensions. */
export const MEDIA_NAME = new RegExp(`^[0-9a-f]{32}\\.(?:${Object.keys(IMAGE_TYPE_BY_EXTENSION).join('|')})$`)
