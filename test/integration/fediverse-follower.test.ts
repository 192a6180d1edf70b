/**
 * The paper followed from an independent ActivityPub server (test/helpers/ap-follower.py: Python, written from the
 * specs, no code of ours) through `wrangler dev` with both Workers, as `npm start` serves them: WebFinger, Follow,
 * a signed Accept, the seed article as Create, a correction as Update, a withdrawal as Delete, Undo; and an inbox
 * that refuses what it must. The steps run in order: each is a later moment in the same followers' lives.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Follower, type Received, startFollower } from '../helpers/ap-follower.ts'
import { startFederatedDev } from '../helpers/federated-dev.ts'
import { runEditor } from '../helpers/run-command.ts'
import type { DevServer } from '../helpers/wrangler-dev.ts'

const SEED = 'qijiang-strategic-pivot'
/** An article of 主城都市区 only: followers of 綦江 never see it. */
const OTHER_ARTICLE = `---
slug: main-urban-note
title: 主城都市区规划新进展
lang: zh-CN
byline: 文/记者 刘柳吟
published: 2020-12-23T08:00:00+08:00
tags: 主城都市区
---

主城都市区的规划与建设又有新进展。

## 交通 {#transport}

轨道交通线路继续向外延伸。
`
let work: string
let root: string
let state: string
let dev: DevServer
let alice: Follower
let bob: Follower
/** Follows only the topic 綦江. */
let carol: Follower
/** Follows the paper and 綦江, from one server. */
let dave: Follower
let seedFile: string

const publish = async () => {
  const res = await runEditor('publish', ['--local', '--persist-to', state, '--root', root], 300_000)
  expect(res.code, res.stderr).toBe(0)
}
/** Runs the feed Worker's cron, which asks the federation Worker to tell followers what changed. */
const cron = async () => {
  const res = await fetch(`${dev.url}/__scheduled`)
  expect(res.status).toBe(200)
}
/** GET with the Accept header an ActivityPub server sends. */
const apGet = async (path: string) =>
  (await fetch(`${dev.url}${path}`, { headers: { accept: 'application/activity+json' } })).json()
const ofType = (type: string) => (r: Received) => r.verified && r.activity?.type === type
/** The verified activities a follower got, by type. */
const verifiedTypes = async (f: Follower) =>
  (await f.received()).filter((r) => r.verified).map((r) => String(r.activity?.type))
type OutboxPage = { orderedItems: { object: { id: string; type: string } }[] }
type ArticleObject = {
  type: string
  content: string
  contentMap: Record<string, string>
  nameMap: Record<string, string>
  attachment: { name: string }[]
  name: string
}
const objectOf = (r: Received | undefined) => r?.activity?.object as ArticleObject

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-fediverse-'))
  root = join(work, 'content')
  state = join(work, 'state')
  seedFile = join(root, 'articles', `${SEED}.md`)
  await cp('content', root, { recursive: true })
  await publish()
  dev = await startFederatedDev(state)
  alice = await startFollower()
  bob = await startFollower()
  carol = await startFollower()
  dave = await startFollower()
}, 600_000)
afterAll(async () => {
  for (const follower of [alice, bob, carol, dave]) follower?.stop()
  await dev?.stop()
  await rm(work, { recursive: true, force: true })
})

describe('a follower on another server', { timeout: 300_000 }, () => {
  it('finds the paper by WebFinger, follows it and gets an Accept whose signature it verifies', async () => {
    const host = new URL(dev.url).host
    for (const follower of [alice, bob]) {
      const answer = await follower.control<{ status: number; text: string; jrd: { subject: string } }>(
        'follow',
        { acct: `broadsheet@${host}` },
      )
      expect(answer.status, answer.text).toBe(202)
      expect(answer.jrd.subject).toBe(`acct:broadsheet@${host}`)
      const got = await follower.waitFor('a verified Accept', (r) => r.some(ofType('Accept')))
      const accept = got.find(ofType('Accept'))
      expect(accept?.path).toBe('/users/alice/inbox')
      expect(accept?.activity?.object).toMatchObject({ type: 'Follow', actor: follower.actor })
    }
    const followers = await apGet('/ap/actors/paper/followers')
    expect(followers).toMatchObject({ type: 'OrderedCollection', totalItems: 2 })
  })

  it("serves the paper's actor with its name, raster icon, page, keys for both signature specs and settings", async () => {
    const paper = `${dev.url}/ap/actors/paper`
    const actor = (await apGet('/ap/actors/paper')) as Record<string, unknown>
    expect(actor).toMatchObject({
      id: paper,
      type: 'Organization',
      preferredUsername: 'broadsheet',
      name: 'Broadsheet',
      summary: expect.stringContaining('綦江新闻'),
      url: `${dev.url}/`,
      icon: { type: 'Image', mediaType: 'image/png', url: `${dev.url}/icon-512.png` },
      manuallyApprovesFollowers: false,
      discoverable: true,
      // fediverse/wrangler.toml says "true"; the test's config says "false" (test/helpers/federated-dev.ts).
      indexable: false,
      publicKey: {
        id: `${paper}#main-key`,
        owner: paper,
        publicKeyPem: expect.stringContaining('PUBLIC KEY'),
      },
      assertionMethod: [
        { type: 'Multikey', controller: paper, publicKeyMultibase: expect.stringMatching(/^z/) },
      ],
      outbox: `${paper}/outbox`,
      followers: `${paper}/followers`,
      endpoints: { sharedInbox: `${dev.url}/ap/inbox` },
    })
    const icon = await fetch(`${dev.url}/icon-512.png`)
    expect(icon.headers.get('content-type')).toBe('image/png')
    const outbox = (await apGet('/ap/actors/paper/outbox')) as Record<string, unknown>
    expect(outbox).toMatchObject({
      type: 'OrderedCollection',
      totalItems: 1,
      first: `${paper}/outbox?page=current`,
    })
  })

  it('finds a topic by WebFinger as @qijiang, with its own actor, keys and page, and follows it alone', async () => {
    const host = new URL(dev.url).host
    const topic = `${dev.url}/ap/actors/topic-qijiang`
    const answer = await carol.control<{
      status: number
      jrd: { subject: string }
      actor: Record<string, unknown>
    }>('follow', { acct: `qijiang@${host}` })
    expect(answer.status).toBe(202)
    expect(answer.jrd.subject).toBe(`acct:qijiang@${host}`)
    expect(answer.actor).toMatchObject({
      id: topic,
      type: 'Organization',
      preferredUsername: 'qijiang',
      name: '綦江',
      summary: '<p>重庆市綦江区的新闻。</p>',
      url: `${dev.url}/topics/qijiang`,
      outbox: `${topic}/outbox`,
      followers: `${topic}/followers`,
      publicKey: { id: `${topic}#main-key`, owner: topic },
    })
    const paper = await apGet('/ap/actors/paper')
    const pem = (a: unknown) => (a as { publicKey: { publicKeyPem: string } }).publicKey.publicKeyPem
    expect(pem(answer.actor)).not.toBe(pem(paper))
    const got = await carol.waitFor('a verified Accept from the topic', (r) => r.some(ofType('Accept')))
    expect(got.find(ofType('Accept'))?.activity).toMatchObject({ actor: topic, object: { object: topic } })
    for (const [n, acct] of [`broadsheet@${host}`, `qijiang@${host}`].entries()) {
      expect((await dave.control<{ status: number }>('follow', { acct, n })).status).toBe(202)
    }
    await dave.waitFor('two verified Accepts', (r) => r.filter(ofType('Accept')).length === 2)
    expect(await apGet('/ap/actors/topic-qijiang/followers')).toMatchObject({ totalItems: 2 })
    const page = await (await fetch(`${dev.url}/topics/qijiang`)).text()
    expect(page).toContain(`<link rel="alternate" type="application/activity+json"`)
    expect(page).toContain(`href="${topic}"`)
    expect(page).toContain(`@qijiang@${host}`)
  })

  it("gets the seed article as a Create, signed, with every photo's alt text and credit", async () => {
    await cron()
    const got = await alice.waitFor('a verified Create', (r) => r.some(ofType('Create')))
    const create = got.filter(ofType('Create'))
    expect(create).toHaveLength(1)
    expect(create[0]?.path).toBe('/inbox')
    const article = objectOf(create[0])
    expect(article.type).toBe('Article')
    expect(article.name).toBe('一个主城都市区的重要战略支点')
    const source = await readFile(seedFile, 'utf8')
    const alts = [...source.matchAll(/^alt: (.+)$/gm)].map((m) => m[1])
    const credits = [...source.matchAll(/^credit: (.+)$/gm)].map((m) => m[1] ?? '')
    expect(alts).toHaveLength(6)
    expect(article.attachment.map((a) => a.name)).toEqual(alts)
    for (const alt of alts) expect(article.content).toContain(`alt="${alt}"`)
    for (const credit of credits) expect(article.content).toContain(`${credit} 摄`)
    // The Traditional edition publish wrote rides along, the original's language first.
    expect(Object.keys(article.contentMap)).toEqual(['zh-CN', 'zh-TW'])
    expect(article.nameMap['zh-TW']).toBe('一個主城都市區的重要戰略支點')
    expect(article.contentMap['zh-TW']).toContain('記者 石亮 攝')
  })

  it("a follower of 綦江 gets only 綦江's articles, as the topic's Announce; one of both gets each once", async () => {
    await writeFile(join(root, 'articles', 'main-urban-note.md'), OTHER_ARTICLE)
    await publish()
    await cron()
    const created = (r: Received[]) => r.filter(ofType('Create')).map((c) => objectOf(c).name)
    await alice.waitFor('the second article', (r) => created(r).length === 2)
    await dave.waitFor(
      'both articles and the Announce',
      (r) => created(r).length === 2 && r.some(ofType('Announce')),
    )
    const announces = (await carol.received()).filter(ofType('Announce'))
    expect(announces.map((a) => a.activity?.object)).toEqual([`${dev.url}/ap/articles/${SEED}`])
    expect(announces[0]?.activity).toMatchObject({ actor: `${dev.url}/ap/actors/topic-qijiang` })
    expect(await verifiedTypes(carol)).toEqual(['Accept', 'Announce'])
    expect((await verifiedTypes(dave)).sort()).toEqual(['Accept', 'Accept', 'Announce', 'Create', 'Create'])
    // The article the topic announced dereferences, with its hashtags linking their topic pages.
    const article = (await apGet(`/ap/articles/${SEED}`)) as { tag: unknown[] }
    expect(article.tag).toContainEqual({ type: 'Hashtag', name: '#綦江', href: `${dev.url}/topics/qijiang` })
    const outbox = (await apGet('/ap/actors/topic-qijiang/outbox?page=1')) as OutboxPage
    expect(outbox.orderedItems.map((i) => i.object.id)).toEqual([`${dev.url}/ap/articles/${SEED}`])
  })

  it('gets a correction as an Update, once, even from a server that answered 503 twice first', async () => {
    await bob.control('fail-next', { count: 2, status: 503 })
    const note = '此前版本误将记者姓名写作刘柳银，应为刘柳吟。'
    const source = await readFile(seedFile, 'utf8')
    const end = source.indexOf('\n---\n', 4) + '\n---\n'.length
    await writeFile(
      seedFile,
      `${source.slice(0, end)}\n::: correction 2020-12-23T10:00:00+08:00\n${note}\n:::\n${source.slice(end)}`,
    )
    await publish()
    await cron()
    // The topic's followers were told of the article, so they are told of its correction too.
    for (const follower of [alice, bob, carol, dave]) {
      const got = await follower.waitFor('a verified Update', (r) => r.some(ofType('Update')))
      const updates = got.filter(ofType('Update'))
      expect(updates).toHaveLength(1)
      expect(objectOf(updates[0]).content).toContain(note)
    }
    const refused = (await bob.received()).filter((r) => r.reason === 'answered 503')
    expect(refused).toHaveLength(2)
  })

  it('refuses unsigned, forged, replayed, stale, wrongly digested and oversized requests', async () => {
    const inbox = `${dev.url}/ap/inbox`
    // A Like: acknowledged and ignored when it verifies, so the accepted one changes nothing.
    const like = { '@context': 'https://www.w3.org/ns/activitystreams', type: 'Like' }
    const body = {
      ...like,
      id: `${alice.actor}#likes/x`,
      actor: alice.actor,
      object: `${dev.url}/ap/articles/${SEED}`,
    }
    const send = (mode: string, extra: Record<string, unknown> = {}) =>
      alice.control<{ status: number; headers: Record<string, string> }>('send', {
        url: inbox,
        body,
        mode,
        ...extra,
      })
    expect((await send('unsigned')).status).toBe(401)
    expect((await send('forged')).status).toBe(401)
    expect((await send('stale')).status).toBe(401)
    expect([400, 401]).toContain((await send('bad-digest')).status)
    const good = await send('good')
    expect(good.status).toBe(202)
    const other = { ...body, id: `${alice.actor}#likes/y` }
    const replay = await alice.control<{ status: number }>('send', {
      url: inbox,
      body: other,
      mode: 'replay',
      headers: good.headers,
    })
    expect([400, 401]).toContain(replay.status)
    const big = { ...body, id: `${alice.actor}#likes/big`, padding: 'x'.repeat(300 * 1024) }
    expect((await alice.control<{ status: number }>('send', { url: inbox, body: big })).status).toBe(413)
    // A key that is not the actor's: bob signs an activity that claims to be alice's.
    const claimed = await bob.control<{ status: number }>('send', {
      url: inbox,
      body: { ...body, id: `${alice.actor}#z` },
    })
    expect(claimed.status).toBe(401)
  })

  it('takes a Follow signed with RFC 9421 and refuses a forged one, a wrong or an unsigned Content-Digest', async () => {
    const inbox = `${dev.url}/ap/inbox`
    const topic = `${dev.url}/ap/actors/topic-main-urban-area`
    const follow = (n: string) => ({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${alice.actor}#follows/rfc9421-${n}`,
      type: 'Follow',
      actor: alice.actor,
      object: topic,
    })
    const send = async (mode: string) =>
      (await alice.control<{ status: number }>('send', { url: inbox, body: follow(mode), mode })).status
    for (const mode of ['rfc9421-forged', 'rfc9421-bad-digest', 'rfc9421-uncovered']) {
      expect(await send(mode), mode).toBe(401)
    }
    expect(await apGet('/ap/actors/topic-main-urban-area/followers')).toMatchObject({ totalItems: 0 })
    expect(await send('rfc9421')).toBe(202)
    expect(await apGet('/ap/actors/topic-main-urban-area/followers')).toMatchObject({ totalItems: 1 })
    const got = await alice.waitFor("the topic's Accept", (r) =>
      r.some((x) => ofType('Accept')(x) && x.activity?.actor === topic),
    )
    expect(got.filter((x) => ofType('Accept')(x) && x.activity?.actor === topic)).toHaveLength(1)
  })

  it('answers malformed JSON-LD with a 4xx or 202, never a server error', async () => {
    const inbox = `${dev.url}/ap/inbox`
    const bodies = [
      'not json',
      '[]',
      'null',
      '{}',
      '{"@context": 42, "type": "Follow"}',
      '{"@context": "https://evil.invalid/context", "type": "Follow", "actor": "x"}',
      `{"type": "Follow", "actor": {"id": 7}, "object": []}`,
      `{"@context": "https://www.w3.org/ns/activitystreams", "type": ["Follow", "Like"], "actor": "${alice.actor}"}`,
      `{"@context": "https://www.w3.org/ns/activitystreams", "type": "Undo", "actor": "${alice.actor}", "object": {"type": "Undo", "object": {"type": "Undo"}}}`,
      `{"@context": "https://www.w3.org/ns/activitystreams", "id": "${alice.actor}#q", "type": "Create", "actor": "${alice.actor}", "object": {"type": "Note", "content": "${'<'.repeat(1000)}"}}`,
      '{"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "actor": "javascript:alert(1)"}',
      '{"a":'.repeat(500),
    ]
    for (const body of bodies) {
      const { status } = await alice.control<{ status: number }>('send', { url: inbox, body })
      expect(status, body.slice(0, 80)).toBeGreaterThanOrEqual(200)
      expect(status, body.slice(0, 80)).toBeLessThan(500)
    }
    expect(
      (await fetch(`${dev.url}/ap/actors/paper`, { headers: { accept: 'application/activity+json' } }))
        .status,
    ).toBe(200)
  })

  it('gets a withdrawal as a Delete of a Tombstone; a follower who sent Undo gets nothing more', async () => {
    expect((await bob.control<{ status: number }>('undo')).status).toBe(202)
    const source = await readFile(seedFile, 'utf8')
    await writeFile(
      seedFile,
      source.replace('\n---\n', '\nwithdrawn: 2026-11-27T10:00:00+08:00 应当事人要求撤稿\n---\n'),
    )
    await publish()
    await cron()
    for (const follower of [alice, carol, dave]) {
      const got = await follower.waitFor('a verified Delete', (r) => r.some(ofType('Delete')))
      expect(objectOf(got.find(ofType('Delete')))).toMatchObject({ type: 'Tombstone', formerType: 'Article' })
    }
    expect((await bob.received()).filter(ofType('Delete'))).toEqual([])
    const followers = await apGet('/ap/actors/paper/followers')
    expect(followers).toMatchObject({ totalItems: 2 })
    // The topic's outbox keeps the withdrawn article, as a Tombstone.
    const outbox = (await apGet('/ap/actors/topic-qijiang/outbox?page=1')) as OutboxPage
    expect(outbox.orderedItems.map((i) => i.object.type)).toEqual(['Tombstone'])
  })

  it('got every activity exactly once, after retries and repeated cron runs', async () => {
    await cron()
    for (const follower of [alice, bob, carol, dave]) {
      const ids = (await follower.received()).filter((r) => r.verified).map((r) => r.activity?.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
    // The second Accept is the topic's, for alice's RFC 9421 Follow; the Delete reaches her inbox once.
    expect(await verifiedTypes(alice)).toEqual(['Accept', 'Create', 'Create', 'Update', 'Accept', 'Delete'])
    expect(await verifiedTypes(carol)).toEqual(['Accept', 'Announce', 'Update', 'Delete'])
    expect((await verifiedTypes(dave)).sort()).toEqual(
      ['Accept', 'Accept', 'Announce', 'Create', 'Create', 'Update', 'Delete'].sort(),
    )
  })
})
