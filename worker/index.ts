/** Worker entry: wiring only (the route table in routes.ts, HTTP semantics in http/, the cron in scheduled.ts). */
import { dispatcher } from './http/dispatch.ts'
import { routes } from './routes.ts'
import { scheduled } from './scheduled.ts'

export default {
  fetch: dispatcher(routes),
  scheduled: (controller, env, ctx) => ctx.waitUntil(scheduled(controller, env)),
} satisfies ExportedHandler<Env>
