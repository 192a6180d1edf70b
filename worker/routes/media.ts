/** `/media/{name}`: an image from KV, content-addressed, so it is cached forever. */

import { IMAGE_TYPES, MEDIA_NAME } from '../../model/image-types.ts'
import { keys } from '../../model/store-keys.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { notFound } from '../http/status-error.ts'
import { CorruptValueError, readMedia } from '../store.ts'

/** Types we serve as images (model/image-types.ts); anything else stored under media is corrupt rather than sent. */
const SERVED = new Set(IMAGE_TYPES)

/** Streams the image with its stored type; the name is its version (same name, same bytes). */
export const mediaRoute: RouteHandler = async ({ params, env }) => {
  const name = params.name
  if (name === undefined || !MEDIA_NAME.test(name)) throw notFound()
  const media = await readMedia(env.CONTENT, name)
  if (media === null) throw notFound()
  if (!SERVED.has(media.type)) {
    await media.body.cancel()
    throw new CorruptValueError(keys.media(name), `type ${media.type} is not an image type we serve`)
  }
  return { body: media.body, contentType: media.type, version: name, cache: 'immutable' }
}
