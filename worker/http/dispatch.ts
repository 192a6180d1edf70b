/** Routes a request through the route table: method rules (HEAD, OPTIONS, 405), limits, handlers, errors. */
import { type IRequest, IttyRouter } from 'itty-router'
import { EDITIONS, HANT_PATH } from '../../model/edition.ts'
import { now } from '../clock.ts'
import { siteConfig } from '../site-config.ts'
import { editionNamespace } from '../store.ts'
import { apiPaths } from './api-paths.ts'
import { preflightResponse } from './cors.ts'
import { errorResponse } from './error-response.ts'
import { answerFromIsolate, type IsolateSlot, isolateSlot } from './isolate-cache.ts'
import { Redirect } from './redirect.ts'
import { checkRequestLimits, headersWithinLimit } from './request-limits.ts'
import { respond } from './respond.ts'
import type { Route, TableRoute } from './route-handler.ts'
import { notFound, StatusError } from './status-error.ts'

const ALLOW = 'GET, HEAD, OPTIONS'

async function answer(
  route: Route,
  request: IRequest,
  url: URL,
  env: Env,
  ctx: ExecutionContext,
  slot: IsolateSlot | null,
) {
  if (request.method === 'OPTIONS') {
    if (route.cors) return preflightResponse()
    return new Response(null, { status: 204, headers: { allow: ALLOW } })
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    throw new StatusError(405, 'Method Not Allowed', 'This resource is read-only.', { allow: ALLOW })
  const edition = EDITIONS[route.edition ?? 'hans']
  const site = siteConfig(env, url, edition)
  const params: Record<string, string | undefined> = { ...request.params }
  const content = editionNamespace(env.CONTENT, edition.name)
  const editionEnv = content === env.CONTENT ? env : { ...env, CONTENT: content }
  const reply = await route.handler({ request, url, params, env: editionEnv, site, now: now() })
  if (reply instanceof Redirect) {
    const headers: Record<string, string> = {
      location: reply.location,
      'cache-control': reply.permanent ? 'public, max-age=86400' : 'public, max-age=60',
    }
    return new Response(null, {
      status: reply.permanent ? 301 : 302,
      headers: route.cors ? { ...headers, 'access-control-allow-origin': '*' } : headers,
    })
  }
  return respond(request, url, reply, {
    site,
    cors: route.cors,
    waitUntil: (p) => ctx.waitUntil(p),
    isolate: slot,
  })
}

/**
 * Builds the fetch handler for a route table. Unknown paths are 404; a trailing slash is a different, unknown path;
 * a forwarded row's requests go to its Worker as they came.
 * A GET or HEAD this isolate answered within the freshness window is answered from memory before anything else
 * (isolate-cache.ts): no routing, no KV read, no header building; only the header-size limit is checked first.
 */
export function dispatcher(
  routes: readonly TableRoute[],
): (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response> {
  const router = IttyRouter<IRequest, [URL, Env, ExecutionContext, IsolateSlot | null]>()
  const isApiPath = apiPaths(routes)
  for (const route of routes) {
    if ('forward' in route) router.all(route.path, (request, _url, env) => route.forward(env).fetch(request))
    else router.all(route.path, (request, url, env, ctx, slot) => answer(route, request, url, env, ctx, slot))
  }
  return async (request, env, ctx) => {
    const slot = isolateSlot(request, env)
    // Oversized headers skip memory and get their 431 from checkRequestLimits below.
    const remembered = slot && headersWithinLimit(request) && answerFromIsolate(request, slot)
    if (remembered) return remembered
    const url = new URL(request.url)
    try {
      checkRequestLimits(request, url)
      if (url.pathname.length > 1 && url.pathname.endsWith('/') && url.pathname !== `${HANT_PATH}/`)
        throw notFound()
      const response: unknown = await router.fetch(request, url, env, ctx, slot)
      if (response instanceof Response) return response
      throw notFound()
    } catch (error) {
      return errorResponse(error, request, url, isApiPath(url.pathname))
    }
  }
}
