/** Worker entry: wiring only (the route table in routes.ts, HTTP semantics in http/). */
import { dispatcher } from './http/dispatch.ts'
import { routes } from './routes.ts'

export default { fetch: dispatcher(routes) } satisfies ExportedHandler<Env>
