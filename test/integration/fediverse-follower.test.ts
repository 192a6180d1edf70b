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
import { runBin } from '../helpers/run-command.ts'
import type { DevServer } from '../helpers/wrangler-dev.ts'

const SEED = 'qijiang-strategic-pivot'
let work: string
let root: string
let state: string
let dev: DevServer
let alice: Follower
let bob: Follower
let seedFile: string

const publish = async () => {
  const res = await runBin(
    'tsx',
    ['editor/publish.ts', '--local', '--persist-to', state, '--root', root],
    300_000,
  )
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
type ArticleObject = { type: string; content: string; attachment: { name: string }[]; name: string }
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
}, 600_000)
afterAll(async () => {
  alice?.stop()
  bob?.stop()
  await dev?.stop()
  await rm(work, { recursive: true, force: true })
})

describe('a follower on another server', { timeout: 300_000 }, () => {
  it('finds the paper by WebFinger, follows it and gets an Accept whose signature it verifies', async () => {
    const host = new URL(dev.url).host
    for (const follower of [alice, bob]) {
      const answer = await follower.control<{ status: number; jrd: { subject: string } }>('follow', {
        acct: `broadsheet@${host}`,
      })
      expect(answer.status).toBe(202)
      expect(answer.jrd.subject).toBe(`acct:broadsheet@${host}`)
      const got = await follower.waitFor('a verified Accept', (r) => r.some(ofType('Accept')))
      const accept = got.find(ofType('Accept'))
      expect(accept?.path).toBe('/users/alice/inbox')
      expect(accept?.activity?.object).toMatchObject({ type: 'Follow', actor: follower.actor })
    }
    const followers = await apGet('/ap/actors/paper/followers')
    expect(followers).toMatchObject({ type: 'OrderedCollection', totalItems: 2 })
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
    for (const follower of [alice, bob]) {
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
    const got = await alice.waitFor('a verified Delete', (r) => r.some(ofType('Delete')))
    expect(objectOf(got.find(ofType('Delete')))).toMatchObject({ type: 'Tombstone', formerType: 'Article' })
    expect((await bob.received()).filter(ofType('Delete'))).toEqual([])
    const followers = await apGet('/ap/actors/paper/followers')
    expect(followers).toMatchObject({ totalItems: 1 })
  })

  it('got every activity exactly once, after retries and repeated cron runs', async () => {
    await cron()
    for (const follower of [alice, bob]) {
      const ids = (await follower.received()).filter((r) => r.verified).map((r) => r.activity?.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
    const types = (await alice.received()).filter((r) => r.verified).map((r) => r.activity?.type)
    expect(types).toEqual(['Accept', 'Create', 'Update', 'Delete'])
  })
})
