/** The types of the route table: what a handler receives and what it may return. */
import type { EditionName } from '../../model/edition.ts'
import type { SiteConfig } from '../site-config.ts'
import type { Redirect } from './redirect.ts'
import type { DeferredRepresentation, Representation } from './representation.ts'

/** Everything a handler may use; `params` are raw (still percent-encoded) path segments. */
export interface RouteContext {
  request: Request
  url: URL
  params: Readonly<Record<string, string | undefined>>
  env: Env
  site: SiteConfig
  /** The request's time (ms): embargoed articles stay hidden until it reaches their `published` time. */
  now: number
}

/** A handler's answer: a representation (now or deferred), or a redirect; failures are thrown StatusErrors. */
export type Reply = Representation | DeferredRepresentation | Redirect

export type RouteHandler = (context: RouteContext) => Reply | Promise<Reply>

/** One row of the route table. `cors` routes answer preflights and carry CORS headers, errors included. */
export interface Route {
  path: string
  handler: RouteHandler
  cors: boolean
  /** The edition the route reads and renders (default the original): its KV values and its URLs. */
  edition?: EditionName
}

/**
 * A row another Worker answers (worker/discovery-paths.ts): the request goes to it unchanged, every method, through
 * the service binding `forward` names; that Worker applies the method rules, caching and errors of its own table.
 */
export interface ForwardedRoute {
  path: string
  cors: boolean
  edition?: EditionName
  forward: (env: Env) => Fetcher
}

/** A row of a Worker's route table: answered here, or forwarded. */
export type TableRoute = Route | ForwardedRoute
