/** The one stage that turns thrown errors into responses: problem+json on API paths, a small page elsewhere. */
import { renderErrorPage } from '../render/render-error-page.ts'
import { CorruptValueError } from '../store.ts'
import { errorCacheControl } from './cache-control.ts'
import { CORS_HEADERS } from './cors.ts'
import { pageSecurityHeaders, RESOURCE_SECURITY_HEADERS } from './security-headers.ts'
import { StatusError } from './status-error.ts'

/** Maps any thrown value to a StatusError; unexpected ones are logged on one line and never shown. */
export function toStatusError(error: unknown, pathname: string): StatusError {
  if (error instanceof StatusError) return error
  if (error instanceof CorruptValueError) {
    console.error(`503 ${pathname}: corrupt KV value ${error.key}: ${error.reason}`)
    return new StatusError(503, 'Service Unavailable', 'This resource is temporarily unavailable.', {
      'retry-after': '60',
    })
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  console.error(`500 ${pathname}: ${what.replace(/\s+/g, ' ')}`)
  return new StatusError(500, 'Internal Server Error', 'Something went wrong on our side.')
}

/**
 * The error response for this request; HEAD gets the same headers without a body. `api`: the path's clients are
 * programs (api-paths.ts): an RFC 9457 problem with CORS, else a small page.
 */
export async function errorResponse(
  error: unknown,
  request: Request,
  url: URL,
  api: boolean,
): Promise<Response> {
  const e = toStatusError(error, url.pathname)
  const headers = new Headers({
    'cache-control': errorCacheControl(e.status),
    ...(api ? { ...RESOURCE_SECURITY_HEADERS, ...CORS_HEADERS } : await pageSecurityHeaders()),
    ...e.headers,
  })
  let body: string
  if (api) {
    headers.set('content-type', 'application/problem+json; charset=utf-8')
    const problem = {
      type: 'about:blank',
      title: e.title,
      status: e.status,
      detail: e.detail,
      instance: url.pathname,
    }
    body = JSON.stringify(problem)
  } else {
    headers.set('content-type', 'text/html; charset=utf-8')
    body = renderErrorPage({ status: e.status, title: e.title, detail: e.detail })
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: e.status, headers })
}
