/** `/media/{name}`: an image from KV, content-addressed, so it is cached forever. */

import { keys } from '../../model/store-keys.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { CorruptValueError, readMedia } from '../store.ts'

/** `<32 hex>.<ext>`: the names publish writes (store-keys.ts). */
const MEDIA_NAME = /^[0-9a-f]{32}\.(?:jpe?g|png|webp|gif|avif|svg)$/

/** Types we serve as images; anything else stored under media is treated as corrupt rather than sent. */
const IMAGE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/svg+xml',
])

/** Streams the image with its stored type; the name is its version (same name, same bytes). */
export const mediaRoute: RouteHandler = async ({ params, env }) => {
  const name = params.name
  if (name === undefined || !MEDIA_NAME.test(name)) throw notFound()
  const media = await readMedia(env.CONTENT, name)
  if (media === null) throw notFound()
  if (!IMAGE_TYPES.has(media.type)) {
    await media.body.cancel()
    throw new CorruptValueError(keys.media(name), `type ${media.type} is not an image type we serve`)
  }
  return { body: media.body, contentType: media.type, version: name, cache: 'immutable' }
}
