/**
 * What Fedify serves for us: WebFinger, NodeInfo 2.1, the paper's actor document (with its keys for draft-cavage
 * and RFC 9421), the followers collection (a count), and the inbox, whose every POST Fedify verifies (signature,
 * Digest/Content-Digest, Date window, key owner = actor) before a listener sees it.
 */
import { createFederationBuilder } from '@fedify/fedify'
import { Delete, Endpoints, Follow, Image, isActor, Organization, Undo } from '@fedify/vocab'
import { PAPER_ID } from '../model/ap-urls.ts'
import { escapeXml } from '../worker/render/xml-text.ts'
import { apUrls } from './ap-urls.ts'
import { D1KvStore } from './d1-kv-store.ts'
import { type DeliveryMessage, enqueueActivity } from './deliver.ts'
import type { FediConfig } from './fedi-config.ts'
import { addFollower, countFollowers, removeFollower } from './followers.ts'
import { paperKeyPair } from './paper-keys.ts'
import { remoteLoader } from './remote-loader.ts'
import { renderAccept } from './render/activities.ts'

/** What every dispatcher and listener gets: the bindings and the settings of this request. */
export interface FediContext {
  env: { FEDI_DB: D1Database; DELIVERY: Queue<DeliveryMessage>; FEDI_PRIVATE_KEY?: string }
  config: FediConfig
  /** The paper's header image (the newest article's lead photo), resolved by the entry. */
  header: { url: string; type: string } | null
}

const builder = createFederationBuilder<FediContext>()

builder
  .setActorDispatcher('/ap/actors/{identifier}', async (ctx, identifier) => {
    if (identifier !== PAPER_ID) return null
    const { config, header } = ctx.data
    const keys = await ctx.getActorKeyPairs(identifier)
    return new Organization({
      id: ctx.getActorUri(identifier),
      preferredUsername: config.handle,
      name: config.title,
      summary: `<p>${escapeXml(config.description)}</p>`,
      url: new URL(`${config.baseUrl}/`),
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
    identifier === PAPER_ID ? [await paperKeyPair(ctx.data.env.FEDI_PRIVATE_KEY)] : [],
  )
  .mapHandle((ctx, username) => (username.toLowerCase() === ctx.data.config.handle ? PAPER_ID : null))

builder
  .setFollowersDispatcher('/ap/actors/{identifier}/followers', () => ({ items: [] }))
  .setCounter((ctx, identifier) => (identifier === PAPER_ID ? countFollowers(ctx.data.env.FEDI_DB) : null))

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
    const target = ctx.parseUri(follow.objectId)
    if (target?.type !== 'actor' || target.identifier !== PAPER_ID) return
    const follower = await follow.getActor(ctx)
    if (!follower || !isActor(follower) || !follower.inboxId || follower.id?.href !== follow.actorId.href)
      return
    const { env, config } = ctx.data
    const now = new Date()
    await addFollower(
      env.FEDI_DB,
      {
        actor: follow.actorId.href,
        inbox: follower.inboxId.href,
        sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
        followId: follow.id.href,
      },
      now,
    )
    const accept = renderAccept({ id: follow.id.href, actor: follow.actorId.href }, config.baseUrl)
    await enqueueActivity(env.FEDI_DB, env.DELIVERY, accept, [follower.inboxId.href], now)
  })
  .on(Undo, async (ctx, undo) => {
    const object = await undo.getObject(ctx)
    if (!(object instanceof Follow) || !undo.actorId || object.actorId?.href !== undo.actorId.href) return
    await removeFollower(ctx.data.env.FEDI_DB, undo.actorId.href)
  })
  .on(Delete, async (ctx, del) => {
    // A server deleting an account sends Delete{actor}; the follower goes with it.
    if (del.actorId && del.objectId?.href === del.actorId.href)
      await removeFollower(ctx.data.env.FEDI_DB, del.actorId.href)
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
