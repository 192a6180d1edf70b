/**
 * The team path's publish (`content:publish -- --remote`, run by .github/workflows/publish.yml): the real publish
 * CLI with a token and an account, as in CI, talks to a local fake of Cloudflare's KV REST API
 * (test/helpers/fake-cloudflare-kv-api.ts) through CLOUDFLARE_API_BASE_URL and starts no wrangler; the real
 * wrangler CLI (the path of a `wrangler login` session) reads, writes, lists and deletes against the same fake.
 * The fake lists 3 keys per page, so every listing of more than 3 articles has to follow the cursor. One tree (the
 * seed plus 7 generated articles) goes through a first publish, a no-op, an edit and a stale checkout, in that
 * order: each publish costs seconds, so the tests share those four publishes.
 */
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remoteKvStore } from '../../editor/publish/wrangler-kv.ts'
import { parseStoredArticle } from '../../model/parse-store-values.ts'
import { editionKey, isSharedKey, keys } from '../../model/store-keys.ts'
import { buildSeedEntries } from '../helpers/build-seed-entries.ts'
import {
  type FakeCloudflareKvApi,
  type FakeKvRequest,
  startFakeCloudflareKvApi,
} from '../helpers/fake-cloudflare-kv-api.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { runEditor } from '../helpers/run-command.ts'

const SEED_SLUG = 'qijiang-strategic-pivot'
const GENERATED = 7
const PAGE_SIZE = 3

let fake: FakeCloudflareKvApi
/** The first publish's result and requests (the cost test reads them). */
let firstPublish: Awaited<ReturnType<typeof publishRemote>> | null = null
let work: string
let root: string
/** wrangler's own cache (it saves the account there): kept out of the shared node_modules/.cache. */
let wranglerCache: string

/** The namespace id wrangler.toml gives the CONTENT binding: the one wrangler asks the API for. */
async function contentNamespaceId(): Promise<string> {
  const toml = await readFile('wrangler.toml', 'utf8')
  const id = /binding = "CONTENT"\s*\nid = "([0-9a-f]+)"/.exec(toml)?.[1]
  if (!id) throw new Error('wrangler.toml has no id for the CONTENT binding')
  return id
}

const wranglerEnv = () => ({ ...fake.env, WRANGLER_CACHE_DIR: wranglerCache })

/** The publishes below go through the API (a token and an account are set): any wrangler process would fail. */
const NO_WRANGLER = { BROADSHEET_WRANGLER: '/nonexistent/wrangler' }

/** Runs the publish CLI with --remote against the fake; returns its result and the requests it made. */
async function publishRemote(): Promise<{
  code: number | null
  stdout: string
  stderr: string
  requests: FakeKvRequest[]
}> {
  const from = fake.requests.length
  const res = await runEditor(
    'publish',
    ['--remote', '--root', root, '--cache', '.cache/renditions'],
    600_000,
    { ...wranglerEnv(), ...NO_WRANGLER },
  )
  const requests = fake.requests.slice(from)
  // Everything wrangler asked for is something the fake implements (it answers 4xx to anything else).
  expect(requests.filter((r) => r.status !== 200)).toEqual([])
  return { ...res, requests }
}

/** Keys written by bulk writes, without the publish lease (taken and released by every publish that writes). */
const written = (requests: FakeKvRequest[]) =>
  requests
    .filter((r) => r.method === 'PUT' && r.route === 'bulk')
    .flatMap((r) => r.keys.filter((k) => k !== keys.lease()))

/** Requests that change the namespace: bulk writes and bulk deletes (wrangler's `DELETE bulk` or `POST bulk/delete`). */
const writes = (requests: FakeKvRequest[]) =>
  requests.filter(
    (r) =>
      (r.method === 'PUT' && r.route === 'bulk') ||
      r.route.startsWith('bulk/delete') ||
      (r.method === 'DELETE' && r.route === 'bulk'),
  )

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function storedJson(key: string): unknown {
  const v = fake.values.get(key)
  if (!v) throw new Error(`the fake holds no ${key}`)
  return JSON.parse(v.bytes.toString('utf8'))
}

beforeAll(async () => {
  fake = await startFakeCloudflareKvApi({ namespaceId: await contentNamespaceId(), pageSize: PAGE_SIZE })
  work = await mkdtemp(join(tmpdir(), 'broadsheet-remote-'))
  wranglerCache = join(work, 'wrangler-cache')
  root = join(work, 'content')
  await cp('content', root, { recursive: true })
  await generateContent(root, { articles: GENERATED, sections: 1, photos: 0 })
})
afterAll(async () => {
  await fake?.close()
  await rm(work, { recursive: true, force: true })
})

describe('content:publish --remote through wrangler and a fake Cloudflare KV API', {
  timeout: 600_000,
}, () => {
  it('writes every article, its history, the heads and the media on a first publish; media byte for byte', async () => {
    const res = await publishRemote()
    firstPublish = res
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    const slugs = [SEED_SLUG, ...Array.from({ length: GENERATED }, (_, i) => `bench-article-${i}`)]
    for (const slug of slugs) {
      const stored = parseStoredArticle(storedJson(keys.article(slug)))
      expect(stored.kind, slug).toBe('article')
      expect(fake.values.has(keys.history(slug)), slug).toBe(true)
    }
    expect(fake.values.has(keys.feedHead())).toBe(true)
    expect(fake.values.has(keys.indexHead())).toBe(true)
    expect(fake.values.has(keys.lease())).toBe(false)
    // The seed's renditions as the local path builds them (check, render, build): the same keys, the same bytes.
    const built = await buildSeedEntries()
    expect(built.media.length).toBeGreaterThan(0)
    const media = [...fake.values.keys()].filter((k) => k.startsWith(keys.media('')))
    expect(media.sort()).toEqual(built.media.map((e) => e.key).sort())
    for (const e of built.media) {
      const bytes = fake.values.get(e.key)?.bytes ?? Buffer.alloc(0)
      expect(sha256(bytes), e.key).toBe(sha256(e.value as Uint8Array))
      // Content-addressed: a media name starts with its bytes' hash, which corrupted bytes could not keep.
      expect(e.key, e.key).toContain(`:${sha256(bytes).slice(0, 32)}.`)
      expect(fake.values.get(e.key)?.metadata, e.key).toEqual(e.metadata)
    }
  })

  it('costs, per publish, its listings, a bulk read per 100 keys and a bulk write per write step and 10,000 values', async () => {
    // The first publish (the test above) left its requests in the log; a second first publish is not needed.
    const first = firstPublish
    expect(first).not.toBeNull()
    if (!first) return
    const values = [...first.stdout.matchAll(/^values: (\d+) to write/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    )
    const converted = [...first.stdout.matchAll(/^zh-tw edition: .*: (\d+) values to convert/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    )
    expect(values).toBeGreaterThan(0)
    const bulkWrites = first.requests.filter((r) => r.method === 'PUT' && r.route === 'bulk')
    const bulkReads = first.requests.filter((r) => r.route === 'bulk/get')
    const listings = first.requests.filter((r) => r.route === 'keys')
    const other = first.requests.filter((r) => !['bulk', 'bulk/get', 'bulk/delete', 'keys'].includes(r.route))
    expect(other).toEqual([])
    // The lease, then each write step once (media, articles, pages, heads, retired, commits; the edition's
    // sweep in the same steps) with up to 10,000 values a request.
    const writeSteps = 6 + (converted > 0 ? 3 : 0)
    expect(bulkWrites.length).toBeLessThanOrEqual(1 + writeSteps + Math.ceil((values + converted) / 10_000))
    for (const w of bulkWrites) expect(w.keys.length).toBeLessThanOrEqual(10_000)
    for (const r of bulkReads) expect(r.keys.length).toBeLessThanOrEqual(100)
    expect(listings.length).toBeGreaterThan(0)
  })

  it('writes nothing on a no-op, having listed the articles past the first page of keys', async () => {
    const res = await publishRemote()
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(new RegExp(`${GENERATED + 1} unchanged`))
    expect(res.stdout).toMatch(/nothing to write/)
    expect(writes(res.requests)).toEqual([])
    const listed = res.requests.filter(
      (r) => r.method === 'GET' && r.route === 'keys' && r.query.prefix === keys.articlePrefix(),
    )
    // 8 article keys at 3 a page: the first page and two more through the cursor.
    expect(listed.map((r) => r.query.cursor !== undefined)).toEqual([false, true, true])
  })

  it('writes a handful of values for an edited paragraph, none of them media', async () => {
    const file = join(root, 'articles', 'bench-article-4.md')
    const md = await readFile(file, 'utf8')
    const edited = md.replace(/^(綦江区.*)$/m, '$1 编辑改了这一段。')
    expect(edited).not.toBe(md)
    await writeFile(file, edited)
    const res = await publishRemote()
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/1 changed/)
    const all = new Set(written(res.requests))
    // The Traditional edition: exactly one converted value beside each original value that is not shared (media)
    // or the publisher's own (history): the budget below plus that many (docs/editors.md "Traditional edition").
    const keysWritten = new Set([...all].filter((k) => !k.startsWith(keys.hantPrefix())))
    const editionWritten = [...all].filter((k) => k.startsWith(keys.hantPrefix()))
    expect(editionWritten.sort()).toEqual(
      [...keysWritten]
        .filter((k) => !isSharedKey(k))
        .map((k) => editionKey(k, 'hant'))
        .sort(),
    )
    expect(editionWritten).toContain(editionKey(keys.article('bench-article-4'), 'hant'))
    expect(keysWritten).toContain(keys.article('bench-article-4'))
    expect(keysWritten).toContain(keys.history('bench-article-4'))
    expect([...keysWritten].filter((k) => k.startsWith(keys.media('')))).toEqual([])
    expect([...keysWritten].filter((k) => k.startsWith(keys.articlePrefix()))).toEqual([
      keys.article('bench-article-4'),
    ])
    // The budget: at most 10 values plus 3 per topic or person the article is in (its feed head, an archive page
    // when one fills, its directory page).
    const subjectKeys = [...keysWritten].filter(
      (k) => /^v2:(?:topic|person):/.test(k) || k.startsWith(keys.directoryPrefix()),
    )
    const subjects = new Set(
      subjectKeys.flatMap((k) => /^v2:((?:topic|person):[^:]+):/.exec(k)?.slice(1) ?? []),
    )
    expect(subjects.size, [...keysWritten].join(' ')).toBeGreaterThan(0)
    expect(keysWritten.size - subjectKeys.length, [...keysWritten].join(' ')).toBeLessThanOrEqual(10)
    expect(subjectKeys.length, [...keysWritten].join(' ')).toBeLessThanOrEqual(3 * subjects.size)
    const stored = parseStoredArticle(storedJson(keys.article('bench-article-4')))
    expect(stored.kind === 'article' && JSON.stringify(stored.value.article)).toContain('编辑改了这一段')
    const edition = parseStoredArticle(storedJson(editionKey(keys.article('bench-article-4'), 'hant')))
    expect(edition.kind === 'article' && JSON.stringify(edition.value.article)).toContain('編輯改了這一段')
  })

  it('stops with exit 1 and writes nothing when the tree lacks a published article', async () => {
    // The seed's key sorts after every bench-article key: on the last page of the listing.
    await rm(join(root, 'articles', `${SEED_SLUG}.md`))
    const before = new Map(fake.values)
    const res = await publishRemote()
    expect(res.code).toBe(1)
    expect(res.stderr).toContain(SEED_SLUG)
    expect(writes(res.requests)).toEqual([])
    expect(fake.values).toEqual(before)
  })

  it('writes, lists and deletes through `wrangler kv … --remote` without a token in CI (a wrangler login)', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, wranglerEnv())
    try {
      const kv = remoteKvStore({ mode: 'remote', binding: 'CONTENT', cwd: process.cwd() })
      const bytes = Uint8Array.from([0x89, 0x50, 0xff, 0x00])
      await kv.put([
        { key: 'test:w:a', value: '{"t":"甲"}', metadata: { h: 'ha' } },
        { key: 'test:w:b', value: bytes, metadata: { h: 'hb' } },
      ])
      expect([...(await kv.list('test:w:'))]).toEqual([
        ['test:w:a', { h: 'ha' }],
        ['test:w:b', { h: 'hb' }],
      ])
      expect([...(fake.values.get('test:w:b')?.bytes ?? [])]).toEqual([...bytes])
      await kv.delete(['test:w:a', 'test:w:b'])
      expect([...(await kv.list('test:w:'))]).toEqual([])
    } finally {
      for (const k of Object.keys(wranglerEnv())) delete process.env[k]
      Object.assign(process.env, saved)
    }
  })

  it('reads values back exactly as `wrangler kv bulk get --remote` prints them', async () => {
    const text = JSON.stringify({ title: '綦江 "quoted" {braces}', note: '\n\nSuccess!\n' })
    fake.values.set('test:json', { bytes: Buffer.from(text) })
    fake.values.set('test:not-json', { bytes: Buffer.from('{not json') })
    const saved = { ...process.env }
    Object.assign(process.env, wranglerEnv())
    try {
      const kv = remoteKvStore({ mode: 'remote', binding: 'CONTENT', cwd: process.cwd() })
      const got = await kv.getJson(['test:json', 'test:not-json', 'test:absent'])
      expect(got).toEqual(
        new Map<string, unknown>([
          ['test:json', JSON.parse(text)],
          ['test:not-json', null],
          ['test:absent', null],
        ]),
      )
    } finally {
      for (const k of Object.keys(wranglerEnv())) delete process.env[k]
      Object.assign(process.env, saved)
    }
  })
})
