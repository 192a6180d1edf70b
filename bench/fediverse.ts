/**
 * `npm run bench:fediverse`: one article delivered to 10,000 followers on 500 servers, through `wrangler dev` with
 * both Workers as `npm start` runs them. The servers are fake inboxes in this process (one port each on
 * 127.0.0.1, every follower with its server's shared inbox); the followers are written straight into local D1.
 * Per round (the first a Create, then edits as Updates): POSTs per activity (one per server, none doubled),
 * the time from the cron to the last inbox, and workerd's CPU over it. Then signed Follows from new actors on those
 * servers: workerd CPU per Follow (signature verification, the key fetch, D1, its Accept queued and delivered).
 * Bounded: every wait has a deadline; BENCH_ROUNDS (default 4) and BENCH_FOLLOWS (default 40 a round, 3 rounds).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signRequest } from '@fedify/fedify'
import { TABLES } from '../fediverse/schema.ts'
import { startFederatedDev } from '../test/helpers/federated-dev.ts'
import { runBin } from '../test/helpers/run-command.ts'
import { median } from './interleaved-rounds.ts'
import { listeningPid, processCpuMs } from './process-cpu.ts'

const SERVERS = 500
const FOLLOWERS = 10_000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const FOLLOWS = Number(process.env.BENCH_FOLLOWS ?? 40)
const FOLLOW_ROUNDS = 3
const SEED = 'qijiang-strategic-pivot'
const DEADLINE_MS = 180_000

/** What the fake inboxes took: activity id → server port → POSTs. */
const got = new Map<string, Map<number, number>>()
const types = new Map<string, string>()
const keys = (await crypto.subtle.generateKey(
  {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  true,
  ['sign', 'verify'],
)) as CryptoKeyPair
const spki = Buffer.from((await crypto.subtle.exportKey('spki', keys.publicKey)) as ArrayBuffer)
const PEM = `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`

function fakeServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port
    const origin = `http://127.0.0.1:${port}`
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.startsWith('/users/')) {
        const actor = `${origin}${req.url}`
        res.writeHead(200, { 'content-type': 'application/activity+json' })
        res.end(
          JSON.stringify({
            '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
            id: actor,
            type: 'Person',
            preferredUsername: req.url.slice('/users/'.length),
            inbox: `${actor}/inbox`,
            endpoints: { sharedInbox: `${origin}/inbox` },
            publicKey: { id: `${actor}#main-key`, owner: actor, publicKeyPem: PEM },
          }),
        )
        return
      }
      if (req.method === 'POST') {
        try {
          const activity = JSON.parse(body) as { id: string; type: string }
          const ports = got.get(activity.id) ?? new Map<number, number>()
          ports.set(port, (ports.get(port) ?? 0) + 1)
          got.set(activity.id, ports)
          types.set(activity.id, activity.type)
        } catch {}
        res.writeHead(202).end()
        return
      }
      res.writeHead(404).end()
    })
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

/** Every process below `pid` (and itself): wrangler's workerd runs both Workers. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      parents.set(Number(name), Number(stat[1]))
    } catch {}
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child)
  return tree
}

const cpuOf = (pids: readonly number[]) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + processCpuMs(pid)
    } catch {
      return sum
    }
  }, 0)

async function waitFor(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`bench:fediverse waited ${DEADLINE_MS} ms for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const spread = (xs: readonly number[], unit: string, digits = 0) =>
  `${median(xs).toFixed(digits)} ${unit} (min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}, n=${xs.length})`

const work = await mkdtemp(join(tmpdir(), 'broadsheet-bench-fediverse-'))
const root = join(work, 'content')
const state = join(work, 'state')
const servers: Server[] = []
let stopDev: (() => Promise<void>) | undefined
try {
  for (let i = 0; i < SERVERS; i++) servers.push(await fakeServer())
  const ports = servers.map((s) => (s.address() as AddressInfo).port)
  await cp('content', root, { recursive: true })
  const publish = async () => {
    const r = await runBin(
      'tsx',
      ['editor/publish.ts', '--local', '--persist-to', state, '--root', root],
      300_000,
    )
    if (r.code !== 0) throw new Error(`publish failed:\n${r.stderr}`)
  }
  await publish()
  // The followers, straight into the federation Worker's local D1 (tables as the Worker makes them).
  const rows = Array.from({ length: FOLLOWERS }, (_, j) => {
    const origin = `http://127.0.0.1:${ports[j % SERVERS]}`
    const actor = `${origin}/users/u${j}`
    return `('paper','${actor}','${actor}/inbox','${origin}/inbox','${actor}#follow','2026-01-01T00:00:00Z')`
  })
  const sql = [
    ...TABLES,
    ...Array.from(
      { length: Math.ceil(rows.length / 500) },
      (_, i) =>
        `INSERT INTO follows (target, actor, inbox, shared_inbox, follow_id, followed_at) VALUES ${rows.slice(i * 500, i * 500 + 500).join(',')}`,
    ),
  ].join(';\n')
  await writeFile(join(work, 'followers.sql'), `${sql};\n`)
  const seeded = await runBin(
    'wrangler',
    [
      'd1',
      'execute',
      'broadsheet-fediverse',
      '--local',
      '--persist-to',
      state,
      '-c',
      'fediverse/wrangler.toml',
      '--file',
      join(work, 'followers.sql'),
      '--yes',
    ],
    300_000,
  )
  if (seeded.code !== 0) throw new Error(`seeding D1 failed:\n${seeded.stderr}`)

  const dev = await startFederatedDev(state)
  stopDev = dev.stop
  const wranglerPid = listeningPid(Number(new URL(dev.url).port))
  if (wranglerPid === undefined) throw new Error('bench:fediverse: no process listens on the dev port')
  const cron = () => fetch(`${dev.url}/__scheduled`).then((r) => r.text())
  // Warm up: the first request builds both isolates and the tables.
  await fetch(`${dev.url}/ap/actors/paper`, { headers: { accept: 'application/activity+json' } })

  const delivery: {
    enqueueMs: number
    deliveredMs: number
    cpuMs: number
    posts: number
    servers: number
  }[] = []
  const source = join(root, 'articles', `${SEED}.md`)
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) {
      // An edit of the lede (a new version of the article): followers get an Update.
      const text = await readFile(source, 'utf8')
      await writeFile(
        source,
        text.replace(/綦江高新区建设加速推进(（第 \d+ 轮）)?/, `綦江高新区建设加速推进（第 ${round} 轮）`),
      )
      await publish()
    }
    const seen = new Set(got.keys())
    const pids = processTree(wranglerPid)
    const cpu0 = cpuOf(pids)
    const t0 = performance.now()
    await cron()
    const enqueueMs = performance.now() - t0
    let activity = ''
    await waitFor(`round ${round}: an activity at all ${SERVERS} servers`, () => {
      for (const [id, at] of got)
        if (!seen.has(id) && /^(Create|Update)$/.test(types.get(id) ?? '') && at.size === SERVERS)
          activity = id
      return activity !== ''
    })
    const deliveredMs = performance.now() - t0
    const cpuMs = cpuOf(pids) - cpu0
    const at = got.get(activity) ?? new Map()
    const posts = [...at.values()].reduce((a, b) => a + b, 0)
    delivery.push({ enqueueMs, deliveredMs, cpuMs, posts, servers: at.size })
    console.log(
      `  round ${round}: ${types.get(activity)} to ${at.size} servers in ${deliveredMs.toFixed(0)} ms (cron answered in ${enqueueMs.toFixed(0)} ms), ${posts} POSTs, workerd CPU ${cpuMs.toFixed(0)} ms`,
    )
  }

  const perFollow: number[] = []
  const followWall: number[] = []
  for (let round = 0; round < FOLLOW_ROUNDS; round++) {
    const pids = processTree(wranglerPid)
    const cpu0 = cpuOf(pids)
    const t0 = performance.now()
    const accepts: string[] = []
    for (let k = 0; k < FOLLOWS; k++) {
      const origin = `http://127.0.0.1:${ports[(round * FOLLOWS + k) % SERVERS]}`
      const actor = `${origin}/users/f${round}-${k}`
      const follow = {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${actor}#follow`,
        type: 'Follow',
        actor,
        object: `${dev.url}/ap/actors/paper`,
      }
      const request = new Request(`${dev.url}/ap/actors/paper/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/activity+json' },
        body: JSON.stringify(follow),
      })
      const signed = await signRequest(request, keys.privateKey, new URL(`${actor}#main-key`), {
        spec: 'draft-cavage-http-signatures-12',
      })
      const res = await fetch(signed)
      if (res.status !== 202) throw new Error(`Follow ${k}: ${res.status} ${await res.text()}`)
      accepts.push(`${dev.url}/ap/actors/paper#accepts/${encodeURIComponent(follow.id)}`)
    }
    await waitFor(`round ${round}: ${FOLLOWS} Accepts`, () => accepts.every((id) => got.has(id)))
    const ms = performance.now() - t0
    perFollow.push((cpuOf(pids) - cpu0) / FOLLOWS)
    followWall.push(ms / FOLLOWS)
  }

  const creates = delivery.slice(0, 1)
  console.log(
    `\nbench:fediverse  ${FOLLOWERS} followers on ${SERVERS} servers (fake inboxes on 127.0.0.1), wrangler dev`,
  )
  console.log(
    `  POSTs per activity: ${delivery.map((d) => d.posts).join(', ')} (one per server's shared inbox; ${FOLLOWERS} without shared inboxes); servers reached: ${delivery.map((d) => d.servers).join(', ')}`,
  )
  console.log(
    `  queue messages per activity: ${SERVERS} (one per inbox), sent in ${Math.ceil(SERVERS / 100)} batches of 100`,
  )
  console.log(`  first delivery (Create): ${creates.map((d) => `${d.deliveredMs.toFixed(0)} ms`).join(', ')}`)
  console.log(
    `  cron → last inbox: ${spread(
      delivery.map((d) => d.deliveredMs),
      'ms',
    )}`,
  )
  console.log(
    `  cron answered (sync queued the messages): ${spread(
      delivery.map((d) => d.enqueueMs),
      'ms',
    )}`,
  )
  console.log(
    `  workerd CPU per activity delivered to ${SERVERS} servers: ${spread(
      delivery.map((d) => d.cpuMs),
      'ms',
    )}`,
  )
  console.log(
    `  workerd CPU per delivery: ${spread(
      delivery.map((d) => (d.cpuMs / d.posts) * 1000),
      'µs',
    )}`,
  )
  console.log(
    `  inbox: workerd CPU per signed Follow (verification, key fetch, D1, Accept queued and delivered): ${spread(perFollow, 'ms', 1)}`,
  )
  console.log(`  inbox: wall time per Follow, one at a time: ${spread(followWall, 'ms', 1)}`)
} finally {
  await stopDev?.()
  for (const s of servers) s.close()
  await rm(work, { recursive: true, force: true })
}
