/** `/widget.js`, its pinned `/widget.<hash>.js` and `/embed-builder.js`: built files from Workers Static Assets. */
import type { Representation } from '../http/representation.ts'
import type { RouteContext } from '../http/route-handler.ts'
import { notFound, StatusError } from '../http/status-error.ts'
import { readAsset } from './static-asset.ts'

const SCRIPT_TYPE = 'text/javascript; charset=utf-8'
const HASH = /^[0-9a-f]{8}$/

/** Assets are fixed for a deployment, so the manifest is read once per isolate, not on every request. */
let knownHash: string | undefined

/** The hash of the current widget.js, from the manifest that `npm run build` writes (parsed, not trusted). */
async function currentHash(env: Env): Promise<string> {
  knownHash ??= await readHash(env)
  return knownHash
}

async function readHash(env: Env): Promise<string> {
  const manifest = await readAsset(env, 'widget-manifest.json')
  const value: unknown = manifest ? await manifest.json().catch(() => null) : null
  const hash = typeof value === 'object' && value !== null && 'hash' in value ? value.hash : undefined
  if (typeof hash !== 'string' || !HASH.test(hash))
    throw new StatusError(503, 'Service Unavailable', 'The widget is not built: run `npm run build`.')
  return hash
}

async function script(env: Env, name: string, version: string, cache: Representation['cache']) {
  const file = await readAsset(env, name)
  if (!file) throw notFound()
  const representation: Representation = {
    body: await file.arrayBuffer(),
    contentType: SCRIPT_TYPE,
    version,
    cache,
  }
  return representation
}

/** `/widget.js`: always the newest build, short cache so partners get fixes within minutes. */
export async function widgetScript({ env }: RouteContext): Promise<Representation> {
  return script(env, 'widget.js', await currentHash(env), 'script')
}

/** `/widget.<hash>.js`: one exact build for pinned embeds (and SRI); never changes, so immutable. */
export async function pinnedWidgetScript({ env, params }: RouteContext): Promise<Representation> {
  const hash = params.hash ?? ''
  if (!HASH.test(hash)) throw notFound()
  return script(env, `widget.${hash}.js`, hash, 'immutable')
}

/** `/embed-builder.js`: the home page's embed builder, versioned with the widget build. */
export async function embedBuilderScript({ env }: RouteContext): Promise<Representation> {
  return script(env, 'embed-builder.js', await currentHash(env), 'script')
}
