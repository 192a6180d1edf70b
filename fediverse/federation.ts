/**
 * What Fedify serves for us: WebFinger, NodeInfo 2.1, the actor documents of the paper and of each topic (with
 * their keys for draft-cavage and RFC 9421), their followers collections (a count), and the inboxes, whose every POST Fedify verifies (signature,
 * Digest/Content-Digest, Date window, key owner = actor) before a listener sees it.
 */
import { type Context, createFederationBuilder } from '@fedify/fedify'
import { Delete, Endpoints, Follow, Image, isActor, Organization, Undo } from '@fedify/vocab'
import { PAPER_ID, topicActorId, topicIdOfActor } from '../model/ap-urls.ts'
import { topicHandleName } from '../model/fediverse-handle.ts'
import { subjectPageUrl } from '../model/feed-urls.ts'
import { escapeXml } from '../worker/render/xml-text.ts'
import { actorKeyPair } from './actor-keys.ts'
import { apUrls } from './ap-urls.ts'
import { D1KvStore } from './d1-kv-store.ts'
import { type DeliveryMessage, enqueueActivity } from './deliver.ts'
import type { FediConfig } from './fedi-config.ts'
import { addFollower, countFollowers, forgetActor, removeFollower } from './followers.ts'
import { remoteLoader } from './remote-loader.ts'
import { renderAccept } from './render/activities.ts'
import { headerImage } from './routes.ts'
import { readTopic } from './store.ts'
import { topicHeader } from './topic-routes.ts'

/** What every dispatcher and listener gets: the bindings, the settings and the time of this request. */
export interface FediContext {
  env: {
    CONTENT: KVNamespace
    FEDI_DB: D1Database
    DELIVERY: Queue<DeliveryMessage>
    FEDI_PRIVATE_KEY?: string
  }
  config: FediConfig
  now: number
}

const builder = createFederationBuilder<FediContext>()

/** The actor identifier of a local actor URI (`paper`, `topic-{id}`), or null. */
function localActor(ctx: Context<FediContext>, uri: URL | null): string | null {
  const parsed = uri ? ctx.parseUri(uri) : null
  return parsed?.type === 'actor' ? parsed.identifier : null
}

/** True when `identifier` names one of our actors: the paper, or a topic content/topics.md lists. */
async function isOurs(ctx: Context<FediContext>, identifier: string): Promise<boolean> {
  if (identifier === PAPER_ID) return true
  const topic = topicIdOfActor(identifier)
  return topic !== null && (await readTopic(ctx.data.env.CONTENT, topic)) !== null
}

builder
  .setActorDispatcher('/ap/actors/{identifier}', async (ctx, identifier) => {
    const { config, env, now } = ctx.data
    const topicId = topicIdOfActor(identifier)
    const topic = topicId === null ? null : await readTopic(env.CONTENT, topicId)
    if (identifier !== PAPER_ID && topic === null) return null
    const keys = await ctx.getActorKeyPairs(identifier)
    const header =
      topic === null
        ? await headerImage(env.CONTENT, config, now)
        : await topicHeader(env, topic.id, config, now)
    const about = topic?.description ?? (topic ? '' : config.description)
    return new Organization({
      id: ctx.getActorUri(identifier),
      preferredUsername: topic ? topicHandleName(topic.id, config.handle) : config.handle,
      name: topic ? topic.name : config.title,
      ...(about ? { summary: `<p>${escapeXml(about)}</p>` } : {}),
      url: new URL(topic ? subjectPageUrl(config.baseUrl, 'topic', topic.id) : `${config.baseUrl}/`),
      icon: new Image({ url: new URL(`${config.baseUrl}/icon-512.png`), mediaType: 'image/png' }),
      ...(header ? { image: new Image({ url: new URL(header.url), mediaType: header.type }) } : {}),
      inbox: ctx.getInboxUri(identifier),
      outbox: new URL(apUrls.outbox(config.baseUrl, identifier)),
      followers: ctx.getFollowersUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      manuallyApprovesFollowers: false,
      discoverable: config.discoverable,
      indexable: config.indexable,
      publicKey: keys[0]?.cryptographicKey ?? null,
      assertionMethods: keys.map((k) => k.multikey),
    })
  })
  .setKeyPairsDispatcher(async (ctx, identifier) =>
    (await isOurs(ctx, identifier))
      ? [await actorKeyPair(ctx.data.env.FEDI_DB, ctx.data.env.FEDI_PRIVATE_KEY, identifier)]
      : [],
  )
  .mapHandle(async (ctx, username) => {
    const name = username.toLowerCase()
    if (name === ctx.data.config.handle) return PAPER_ID
    const identifier = topicActorId(name.replace(/^topic\./, ''))
    return (await isOurs(ctx, identifier)) ? identifier : null
  })

builder
  .setFollowersDispatcher('/ap/actors/{identifier}/followers', () => ({ items: [] }))
  .setCounter(async (ctx, identifier) =>
    (await isOurs(ctx, identifier)) ? countFollowers(ctx.data.env.FEDI_DB, identifier) : null,
  )

builder.setNodeInfoDispatcher('/nodeinfo/2.1', (ctx) => ({
  software: {
    name: 'broadsheet',
    version: '0.1.0',
    homepage: new URL(`${ctx.data.config.baseUrl}/`),
  },
  protocols: ['activitypub'],
  services: { inbound: [], outbound: ['rss2.0', 'atom1.0'] },
  openRegistrations: false,
  usage: { users: { total: 1, activeMonth: 1, activeHalfyear: 1 }, localPosts: 0, localComments: 0 },
  metadata: { nodeName: ctx.data.config.title },
}))

builder
  .setInboxListeners('/ap/actors/{identifier}/inbox', '/ap/inbox')
  .on(Follow, async (ctx, follow) => {
    if (!follow.id || !follow.actorId || !follow.objectId) return
    const target = localActor(ctx, follow.objectId)
    if (target === null || !(await isOurs(ctx, target))) return
    const follower = await follow.getActor(ctx)
    if (!follower || !isActor(follower) || !follower.inboxId || follower.id?.href !== follow.actorId.href)
      return
    const { env, config } = ctx.data
    const now = new Date()
    await addFollower(
      env.FEDI_DB,
      target,
      {
        actor: follow.actorId.href,
        inbox: follower.inboxId.href,
        sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
        followId: follow.id.href,
      },
      now,
    )
    const accept = renderAccept(
      { id: follow.id.href, actor: follow.actorId.href },
      apUrls.actor(config.baseUrl, target),
    )
    await enqueueActivity(env.FEDI_DB, env.DELIVERY, accept, [follower.inboxId.href], now)
  })
  .on(Undo, async (ctx, undo) => {
    const object = await undo.getObject(ctx)
    if (!(object instanceof Follow) || !undo.actorId || object.actorId?.href !== undo.actorId.href) return
    // An Undo whose Follow names no actor of ours undoes the paper's, as before topics had actors.
    const target = localActor(ctx, object.objectId) ?? PAPER_ID
    await removeFollower(ctx.data.env.FEDI_DB, target, undo.actorId.href)
  })
  .on(Delete, async (ctx, del) => {
    // A server deleting an account sends Delete{actor}; the follower goes with it, from every actor it followed.
    if (del.actorId && del.objectId?.href === del.actorId.href)
      await forgetActor(ctx.data.env.FEDI_DB, del.actorId.href)
  })
  .onError((_ctx, error) => {
    // Fedify answers 500 (the sender retries later); the log says why.
    console.log(`fediverse: inbox listener failed: ${error.stack ?? error.message}`)
  })

/** The federation for one request (Workers have their bindings per request; the dispatchers are registered once). */
export function buildFederation(db: D1Database, config: FediConfig) {
  const kv = new D1KvStore(db)
  const userAgent = `Broadsheet/0.1 (+${config.baseUrl}/)`
  const loader = () => remoteLoader(kv, config.allowLoopback, userAgent)
  return builder.build({
    kv,
    origin: config.baseUrl,
    documentLoaderFactory: loader,
    contextLoaderFactory: loader,
    authenticatedDocumentLoaderFactory: (identity) =>
      remoteLoader(kv, config.allowLoopback, userAgent, identity),
  })
}
