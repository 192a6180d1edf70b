/** Worker entry: wiring only (the route table in routes.ts, HTTP semantics in http/, the cron in scheduled.ts). */
import { syncFediverse, withFediverse } from './fediverse-forward.ts'
import { dispatcher } from './http/dispatch.ts'
import { routes } from './routes.ts'
import { scheduled } from './scheduled.ts'

export default {
  // Federation URLs (fediverse-forward.ts) go to the federation Worker; the rest is the route table's.
  fetch: withFediverse(dispatcher(routes)),
  scheduled: (controller, env, ctx) =>
    ctx.waitUntil(Promise.all([scheduled(controller, env), syncFediverse(env)])),
} satisfies ExportedHandler<Env>
