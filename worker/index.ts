/** Worker entry: wiring only (the route table in routes.ts, HTTP semantics in http/, the cron's work elsewhere). */
import { cronOnDiscovery } from './discovery-forward.ts'
import { syncFediverse, withFediverse } from './fediverse-forward.ts'
import { dispatcher } from './http/dispatch.ts'
import { routes } from './routes.ts'

export default {
  // Federation URLs (fediverse-forward.ts) go to the federation Worker; the rest is the route table's.
  fetch: withFediverse(dispatcher(routes)),
  // The embargo lift's notices are the discovery Worker's (worker/scheduled.ts), the followers' the federation's.
  scheduled: (controller, env, ctx) =>
    ctx.waitUntil(Promise.all([cronOnDiscovery(controller, env), syncFediverse(env)])),
} satisfies ExportedHandler<Env>
