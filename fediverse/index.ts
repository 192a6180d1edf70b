/**
 * The federation Worker: the paper on the fediverse. Reached only through the feed Worker's service binding
 * (`workers_dev = false`), which forwards `/.well-known/webfinger`, `/.well-known/nodeinfo`, `/nodeinfo/*` and
 * `/ap/*`, and whose cron calls SYNC_PATH. Wiring only: bounds and limits first, then our routes, then Fedify.
 */
import { FEDIVERSE_SYNC_PATH, PAPER_ID, topicIdOfActor } from '../model/ap-urls.ts'
import { type DeliveryMessage, deliverBatch } from './deliver.ts'
import { buildFederation } from './federation.ts'
import { fediConfig } from './fedi-config.ts'
import { inboxGate } from './inbox-gate.ts'
import { articleObjectRoute, outboxRoute } from './routes.ts'
import { ensureSchema } from './schema.ts'
import { rememberOrigin, servedOrigin } from './served-origin.ts'
import { syncArticles } from './sync.ts'
import { topicOutboxRoute } from './topic-routes.ts'

/** The bindings and vars of fediverse/wrangler.toml, and the secret it names in a comment. */
type Env = FediverseEnv & { FEDI_PRIVATE_KEY?: string }

const ARTICLE_PATH = /^\/ap\/articles\/([a-z0-9-]+)$/
const OUTBOX_PATH = /^\/ap\/actors\/([a-z0-9-]+)\/outbox$/

export default {
  async fetch(request, env) {
    const url = new URL(request.url)
    const config = fediConfig(env, url)
    const now = Date.now()
    await ensureSchema(env.FEDI_DB)
    if (url.pathname === FEDIVERSE_SYNC_PATH) {
      if (request.method !== 'POST') return new Response('Method Not Allowed\n', { status: 405 })
      const origin = await servedOrigin(env.FEDI_DB, env.PUBLIC_BASE_URL)
      if (origin === null) return Response.json({ skipped: 'no PUBLIC_BASE_URL and no request served yet' })
      return Response.json(await syncArticles(env, { ...config, baseUrl: origin }, new Date(now)))
    }
    await rememberOrigin(env.FEDI_DB, env.PUBLIC_BASE_URL, url.origin)
    const gated = await inboxGate(request, env.INBOX_LIMIT)
    if (gated instanceof Response) return gated
    const get = request.method === 'GET' || request.method === 'HEAD'
    const outbox = OUTBOX_PATH.exec(url.pathname)?.[1]
    if (get && outbox === PAPER_ID) return outboxRoute(env.CONTENT, url, config, now)
    const topic = outbox === undefined ? null : topicIdOfActor(outbox)
    if (get && topic !== null) return topicOutboxRoute(env, topic, url, config, now)
    const article = ARTICLE_PATH.exec(url.pathname)
    if (get && article?.[1]) return articleObjectRoute(env.CONTENT, article[1], config, now)
    const federation = await buildFederation(env.FEDI_DB, config)
    try {
      return await federation.fetch(gated, {
        contextData: { env, config, now },
        // A browser asking for the actor (or a collection) gets the human page instead of 406.
        onNotAcceptable: () => Response.redirect(`${config.baseUrl}/`, 303),
      })
    } catch (e) {
      // What throws while an inbox reads an activity is the activity's fault (a JSON-LD context that cannot be
      // loaded, a shape nothing can parse): the sender gets a 400 that says so; anything else stays a 500.
      if (request.method !== 'POST') throw e
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      console.log(`fediverse: inbox refused an activity: ${reason}`)
      return new Response(`Bad Request: ${reason.slice(0, 300)}\n`, { status: 400 })
    }
  },
  async queue(batch, env) {
    await ensureSchema(env.FEDI_DB)
    await deliverBatch(
      batch as MessageBatch<DeliveryMessage>,
      env,
      fediConfig(env, new URL('http://localhost/')),
    )
  },
} satisfies ExportedHandler<Env, DeliveryMessage>
