/**
 * The site icon: `/favicon.svg` is a constant in code (also the benchmark's floor: a response with no KV read);
 * the PNG sizes and `/favicon.ico` are rendered from the same SVG by `npm run build` (worker/build-icons.ts).
 */
import type { Representation } from '../http/representation.ts'
import type { RouteHandler } from '../http/route-handler.ts'
import { StatusError } from '../http/status-error.ts'
import { SITE_ICON_SVG } from '../site-icon.ts'
import { readAsset } from './static-asset.ts'

/** Bump when the SVG changes: the version of every icon representation (ETag), as the rasters derive from it. */
const ICON_VERSION = 'favicon-1'

const REPRESENTATION: Representation = {
  body: SITE_ICON_SVG,
  contentType: 'image/svg+xml',
  version: ICON_VERSION,
  cache: 'static',
}

/** Always the same representation. */
export const faviconRoute: RouteHandler = () => REPRESENTATION

/** A raster icon from the build; missing means the build did not run (503 with the fix, like the widget). */
export const rasterIconRoute =
  (name: string, contentType: 'image/png' | 'image/x-icon'): RouteHandler =>
  async ({ env }) => {
    const file = await readAsset(env, name)
    if (!file)
      throw new StatusError(503, 'Service Unavailable', 'The icons are not built: run `npm run build`.')
    const representation: Representation = {
      body: await file.arrayBuffer(),
      contentType,
      version: `${ICON_VERSION}|${name}`,
      cache: 'static',
    }
    return representation
  }
