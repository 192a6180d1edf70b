/**
 * The W3C Feed Validation Service's own code (vendored, vendor/w3c-feedvalidator) on every feed document the site
 * serves, as the Workers serve it: the bundles `wrangler deploy` would upload (the feed Worker and the discovery
 * Worker behind it), running in workerd through Miniflare,
 * on KV written by the real publisher (editor/: check, renditions, build, ordered writes) from the seed content
 * plus 45 generated articles (so the "all" feed has archive pages), then a second publish withdrawing one of them
 * (tombstones); and separately the hostile fixture article. Every RSS and Atom document (the "all" head, every
 * archive page, every article's, topic's and person's feed and their archive pages) and the three OPML lists are fetched from the Worker and validated with
 * their public URL and Content-Type, as the online service would fetch them: no errors, no warnings, but for the
 * two allowances below, each justified and checked to be in use. The worker test project runs inside workerd and
 * cannot start Python, hence Node here; the bytes are the Worker's own responses, not a re-rendering.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unstable_readConfig } from 'wrangler'
import { checkContent } from '../../editor/content/check-content.ts'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { hantEdition, withHantEntries } from '../../editor/hant/hant-writes.ts'
import { renderDrafts } from '../../editor/photos/render-drafts.ts'
import type { BuildOptions } from '../../editor/publish/build-entries.ts'
import { buildWithStore } from '../../editor/publish/build-with-store.ts'
import { applyWrites, planWrites } from '../../editor/publish/write-plan.ts'
import { HANT_PATH } from '../../model/edition.ts'
import { hostileDraft } from '../browser/hostile-kv.ts'
import { SEED_PUBLISH_TIME } from '../helpers/build-seed-entries.ts'
import { bundleWorker } from '../helpers/bundle-size.ts'
import { feedparser, feedparserAll } from '../helpers/feedparser.ts'
import { generateContent } from '../helpers/generate-content.ts'
import { MemoryKvStore } from '../helpers/memory-kv-store.ts'
import {
  describeMessages,
  FEED_TYPES,
  type ServedDocument,
  type ValidatorMessage,
  type ValidatorReport,
  validateFeeds,
} from '../helpers/w3c-feed-validator.ts'

/** The public origin the Worker is configured with: the URL the validator is told it fetched. */
const PUBLIC = 'https://news.example.com'
const HUB = 'https://hub.example.net/'
/** Generated articles besides the seed: more than two pages of "all" (20 items a page, one item per section). */
const GENERATED = 45
/** The article withdrawn by the second publish. */
const WITHDRAWN = 'bench-article-7'
/** The article the second publish gives a canonical URL on another site. */
const CANONICAL = 'bench-article-8'

let work = ''
let bundle = ''
let discoveryBundle = ''
const started: Miniflare[] = []

/**
 * Publishes `drafts` into `store` as content:publish does: build against what is stored, then ordered writes,
 * with the Traditional (zh-TW) edition's values beside the original's.
 */
async function publish(
  store: MemoryKvStore,
  drafts: readonly DraftArticle[],
  now: Date,
  subjects?: BuildOptions['subjects'],
): Promise<void> {
  const built = await buildWithStore(store, drafts, {
    now,
    allowRevert: new Set(),
    ...(subjects ? { subjects } : {}),
  })
  await applyWrites(store, withHantEntries(await planWrites(store, built), hantEdition('content')))
}

/**
 * The site's Workers, built as deployed (the feed Worker answering, the discovery Worker behind its DISCOVERY
 * binding for the OPML lists), on KV holding exactly what publish wrote into `store`.
 */
async function serve(store: MemoryKvStore, hub = HUB): Promise<(path: string) => Promise<ServedDocument>> {
  const config = unstable_readConfig({ config: 'wrangler.toml' })
  const vars: Record<string, string> = {}
  for (const [k, v] of Object.entries(config.vars)) if (typeof v === 'string') vars[k] = v
  const worker = (dir: string) => ({
    modules: true,
    scriptPath: join(dir, 'index.js'),
    modulesRoot: dir,
    compatibilityDate: config.compatibility_date ?? '2026-04-26',
    kvNamespaces: { CONTENT: 'content' },
    bindings: { ...vars, PUBLIC_BASE_URL: PUBLIC, WEBSUB_HUB: hub },
  })
  const mf = new Miniflare({
    workers: [
      { name: 'broadsheet', ...worker(bundle), serviceBindings: { DISCOVERY: 'broadsheet-discovery' } },
      { name: 'broadsheet-discovery', ...worker(discoveryBundle) },
    ],
    cf: false,
  })
  started.push(mf)
  const kv = await mf.getKVNamespace('CONTENT')
  for (const [key, { value, metadata }] of store.values) await kv.put(key, value, { metadata })
  return async (path) => {
    // A redirect is followed as the validator's urllib does (an archive page still filling goes to the head).
    const url = `${PUBLIC}${path}`
    let res = await mf.dispatchFetch(url, { redirect: 'manual' })
    const location = res.headers.get('location')
    const finalUrl = location === null ? url : new URL(location, url).href
    if (location !== null) res = await mf.dispatchFetch(finalUrl, { redirect: 'manual' })
    const body = new Uint8Array(await res.arrayBuffer())
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
    return { url, finalUrl, contentType: res.headers.get('content-type') ?? '', body }
  }
}

/** Paths of a feed's RFC 5005 archive links (`prev-archive`, `next-archive`), as the feed itself gives them. */
function archiveLinks(doc: ServedDocument): string[] {
  const text = new TextDecoder().decode(doc.body as Uint8Array)
  return [...text.matchAll(/<(?:atom:)?link\b[^>]*>/g)]
    .filter((m) => /\brel="(?:prev|next)-archive"/.test(m[0]))
    .map((m) => (/\bhref="([^"]+)"/.exec(m[0])?.[1] ?? '').replace(PUBLIC, '').replaceAll('&amp;', '&'))
}

/** The topic and person feeds (RSS) an edition's RSS OPML list names, as paths without the extension. */
async function subjectFeeds(
  fetchDoc: (path: string) => Promise<ServedDocument>,
  prefix: string,
): Promise<string[]> {
  const opml = new TextDecoder().decode((await fetchDoc(`${prefix}/feeds.opml`)).body as Uint8Array)
  return [...opml.matchAll(/xmlUrl="[^"]*(\/feeds\/(?:topics|people)\/[a-z0-9-]+)\.rss"/g)].map(
    (m) => `${prefix}${m[1] ?? ''}`,
  )
}

/**
 * Every feed document a site serves in one edition (`prefix` `/zh-tw` for the Traditional one): the three OPML
 * lists, then every RSS and Atom feed they and "all" reach (each article's, each topic's and each person's), the
 * archive pages of "all" and of every topic and person feed followed by their RFC 5005 links.
 */
async function crawl(fetchDoc: (path: string) => Promise<ServedDocument>, slugs: string[], prefix = '') {
  const paths = ['/feeds.opml', '/feeds.atom.opml', '/feeds.json.opml'].map((p) => `${prefix}${p}`)
  const subjects = await subjectFeeds(fetchDoc, prefix)
  for (const ext of ['rss', 'atom']) {
    const follow = async (head: string) => {
      const seen = new Set<string>()
      const queue = [head]
      while (queue.length > 0) {
        const path = queue.shift() as string
        if (seen.has(path)) continue
        seen.add(path)
        paths.push(path)
        queue.push(...archiveLinks(await fetchDoc(path)))
      }
    }
    await follow(`${prefix}/feeds/all.${ext}`)
    paths.push(...slugs.map((slug) => `${prefix}/feeds/${slug}.${ext}`))
    for (const name of subjects) await follow(`${name}.${ext}`)
  }
  return Promise.all(paths.map(fetchDoc))
}

/**
 * The only warnings allowed, and only on the hostile article: its titles, summary, byline, tags and captions are
 * literally markup (`"><img src=x onerror=…><svg onload=…><script>…`), which the renderers keep as text, escaped,
 * rather than rewrite what was written. The validator then warns that plain-text fields look like HTML, as it
 * must. Published content never carries such text: content:check refuses markup in those fields
 * (test/integration/hostile-content-check.test.ts); this article reaches KV only by bypassing publish.
 */
const MARKUP_IN_TEXT = {
  ContainsHTML: 'an RSS title, description or category, or an Atom name, reads as HTML',
  ContainsUndeclaredHTML: 'an Atom type="text" title, subtitle or summary reads as HTML',
  SecurityRisk: 'an OPML outline title/text holds a literal <script>',
  SecurityRiskAttr: 'an OPML outline title/text holds a literal onerror=',
  NotHtml: 'an OPML outline title/text holds a literal <svg> (not an HTML tag)',
  ContainsRelRef:
    "a literal `<img src=x` inside an OPML title, or inside an escaped alt attribute in content:encoded, matches the validator's img-src regular expression",
} as const

/**
 * RFC 6721 (Atom tombstones, 2012) is newer than the validator's namespace table, so declaring it draws
 * `UnknownNamespace`, a warning, on every Atom "all" document that carries a withdrawal's `at:deleted-entry`.
 * Kept on purpose: tombstones are how an Atom reader learns an entry was withdrawn (RFC 4287 extension elements
 * are ignored by readers that do not know them), and no other declaration of that namespace avoids the warning
 * (feedvalidator/base.py warns on the prefix mapping itself). Allowed for that namespace only.
 */
const TOMBSTONES_NAMESPACE = 'http://purl.org/atompub/tombstones/1.0'

let site: ValidatorReport[] = []
let hostile: ValidatorReport[] = []
let empty: ValidatorReport[] = []
/** The site documents that link the canonical URL the second publish set. */
let linksCanonical: string[] = []
/** Each edition's "all" RSS and Atom heads, as served, by path. */
const heads = new Map<string, string>()
/** The original edition's feed documents by path, each as served at its own URL (no redirect followed). */
const documents = new Map<string, string>()

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-w3c-'))
  bundle = join(work, 'bundle')
  discoveryBundle = join(work, 'discovery-bundle')
  await bundleWorker(bundle)
  await bundleWorker(discoveryBundle, 'discovery/wrangler.toml')

  // The seed and generated articles, checked, rendered and built by the publisher's own steps.
  const root = join(work, 'content')
  await cp('content', root, { recursive: true })
  await generateContent(root, { articles: GENERATED, sections: 1, photos: 0 })
  const checked = await checkContent(root)
  if (checked.problems.length > 0) throw new Error(`content has problems: ${checked.problems[0]?.message}`)
  const photos = await renderDrafts(checked.articles, { root, cacheDir: '.cache/renditions', log: () => {} })
  const store = new MemoryKvStore()
  await publish(store, photos.drafts, SEED_PUBLISH_TIME, checked.subjects)
  // Then one article is withdrawn: its items leave "all", which carries RFC 6721 tombstones instead (Atom).
  // Another gains a canonical URL elsewhere (its items then link there).
  const drafts = photos.drafts.map((d) =>
    d.slug === WITHDRAWN
      ? { ...d, withdrawn: { at: '2026-11-24T18:00:00+08:00', reason: '应当事人要求' } }
      : d.slug === CANONICAL
        ? { ...d, canonical: 'https://partner.example.org/stories/8?from=broadsheet&amp=1' }
        : d,
  )
  await publish(store, drafts, new Date(SEED_PUBLISH_TIME.getTime() + 86_400_000), checked.subjects)
  const served = await serve(store)
  const live = checked.articles.map((a) => a.slug).filter((slug) => slug !== WITHDRAWN)
  const siteDocs = [...(await crawl(served, live)), ...(await crawl(served, live, HANT_PATH))]

  // The hostile article as a foreign publish could write it (content:check would reject it).
  const hostileStore = new MemoryKvStore()
  await publish(hostileStore, [hostileDraft()], SEED_PUBLISH_TIME)
  const hostileDocs = await crawl(await serve(hostileStore), ['hostile'])

  // A site with nothing published yet, configured without a WebSub hub (wrangler.toml's default).
  const emptyDocs = await crawl(await serve(new MemoryKvStore(), ''), [])

  const text = (d: ServedDocument) => new TextDecoder().decode(d.body as Uint8Array)
  for (const d of siteDocs)
    if (/\/feeds\/all\.(rss|atom)$/.test(d.url)) heads.set(d.url.replace(PUBLIC, ''), text(d))
  for (const d of siteDocs) if (d.finalUrl === d.url) documents.set(d.url.replace(PUBLIC, ''), text(d))
  linksCanonical = siteDocs.filter((d) => text(d).includes('partner.example.org/stories/8')).map((d) => d.url)

  const reports = validateFeeds([...siteDocs, ...hostileDocs, ...emptyDocs])
  site = reports.slice(0, siteDocs.length)
  hostile = reports.slice(siteDocs.length, siteDocs.length + hostileDocs.length)
  empty = reports.slice(siteDocs.length + hostileDocs.length)
}, 600_000)

afterAll(async () => {
  for (const mf of started) await mf.dispose()
  if (work) await rm(work, { recursive: true, force: true })
})

const path = (r: ValidatorReport) => r.url.replace(PUBLIC, '')
const OPML_PATHS = ['/feeds.opml', '/feeds.atom.opml', '/feeds.json.opml']

/** Every error, and every warning `allowed` does not accept, as the service lists them ('' when none). */
function unexpected(reports: ValidatorReport[], allowed: (w: ValidatorMessage) => boolean = () => false) {
  return reports
    .map((r) => ({ ...r, warnings: r.warnings.filter((w) => !allowed(w)) }))
    .filter((r) => r.errors.length + r.warnings.length > 0)
    .map(describeMessages)
    .join('\n')
}

describe('the W3C Feed Validation Service on every feed the Worker serves', () => {
  it('covers the OPML lists, every page of "all" and every article feed, in RSS 2.0 and Atom 1.0', () => {
    const paths = site.map(path)
    expect(paths.slice(0, 3)).toEqual(OPML_PATHS)
    for (const ext of ['rss', 'atom']) {
      // 46 items, 20 a page: archive pages 1 and 2 complete; 3, still filling, redirects to the head.
      expect(paths).toContain(`/feeds/all.${ext}?archive=1`)
      expect(paths).toContain(`/feeds/all.${ext}?archive=2`)
      expect(paths).toContain(`/feeds/qijiang-strategic-pivot.${ext}`)
      expect(paths).toContain(`/feeds/bench-article-44.${ext}`)
    }
    expect(paths).toContain(`/feeds/all.rss?archive=3`)
    // Per format: the head, archives 1-3, and an article feed for the seed and each generated article but one.
    expect(paths).not.toContain(`/feeds/${WITHDRAWN}.rss`)
    expect(linksCanonical).toContain(`${PUBLIC}/feeds/${CANONICAL}.atom`)
    // And every topic's and person's feed, the topic with an IPTC Media Topic code among them.
    for (const ext of ['rss', 'atom']) {
      expect(paths).toContain(`/feeds/topics/qijiang.${ext}`)
      expect(paths).toContain(`/feeds/topics/qijiang-wansheng-integration.${ext}`)
      expect(paths).toContain(`/feeds/people/shi-liang.${ext}`)
    }
    const subjects = paths.filter((p) => /^\/feeds\/(topics|people)\//.test(p))
    // The seed's 3 topics and 6 people, and 基准 (bench): every generated article's tag.
    expect(subjects.filter((p) => !p.includes('?'))).toHaveLength(2 * 10)
    // Their archive pages, followed from the heads like "all"'s: 綦江, 基准 and 刘柳吟 name every article.
    for (const name of ['topics/qijiang', 'topics/bench', 'people/liu-liuyin'])
      for (const ext of ['rss', 'atom'])
        for (const page of [1, 2]) expect(subjects).toContain(`/feeds/${name}.${ext}?archive=${page}`)
    const medtop = site.find((r) => path(r) === '/feeds/topics/qijiang-wansheng-integration.rss')
    expect(medtop?.errors).toEqual([])
    // Both editions: the Traditional one's documents are the same list under /zh-tw.
    const perEdition = 3 + 2 * (1 + 3 + 1 + GENERATED - 1) + subjects.length
    expect(site.length).toBe(2 * perEdition)
    expect(paths.slice(perEdition)).toEqual(paths.slice(0, perEdition).map((p) => `${HANT_PATH}${p}`))
    const types = (ext: string) =>
      new Set(site.filter((r) => new RegExp(`\\.${ext}(\\?|$)`).test(path(r))).map((r) => r.feedType))
    expect(types('opml')).toEqual(new Set([FEED_TYPES.opml]))
    expect(types('rss')).toEqual(new Set([FEED_TYPES.rss2]))
    expect(types('atom')).toEqual(new Set([FEED_TYPES.atom]))
  })

  it('pages a topic like "all": its archive pages hold each item once, and with the head every item of every live article tagged 綦江', () => {
    // Every article of the site is tagged 綦江 (the seed, and the generated ones by default): their own feeds' items.
    const articleFeeds = [...documents.keys()].filter(
      (p) => /^\/feeds\/[a-z0-9-]+\.rss$/.test(p) && !p.startsWith('/feeds/all.'),
    )
    expect(articleFeeds).toHaveLength(1 + GENERATED - 1)
    const expected = feedparserAll(articleFeeds.map((p) => documents.get(p) ?? '')).flatMap((f) =>
      f.entries.map((e) => e.link),
    )
    for (const ext of ['rss', 'atom']) {
      const pages = [...documents.keys()].filter((p) => p.startsWith(`/feeds/topics/qijiang.${ext}`))
      expect(pages.length).toBeGreaterThan(2)
      const parsed = feedparserAll(pages.map((p) => documents.get(p) ?? ''))
      for (const [i, f] of parsed.entries()) expect([pages[i], f.bozo]).toEqual([pages[i], 0])
      // The head repeats the newest complete page (so it always shows a full page); the archives never overlap.
      const archived = parsed
        .filter((_, i) => pages[i]?.includes('?archive='))
        .flatMap((f) => f.entries.map((e) => e.link))
      expect(archived.length).toBeGreaterThan(0)
      expect(archived.length).toBe(new Set(archived).size)
      const links = new Set(parsed.flatMap((f) => f.entries.map((e) => e.link)))
      expect([ext, [...links].sort()]).toEqual([ext, [...new Set(expected)].sort()])
      expect(expected.length).toBe(new Set(expected).size)
    }
  })

  it('reports no error and no warning on the seed and generated site, topics and people included, but for RFC 6721 tombstones', () => {
    const tombstones = (w: ValidatorMessage) =>
      w.type === 'UnknownNamespace' && w.params.namespace === TOMBSTONES_NAMESPACE
    expect(unexpected(site, tombstones)).toBe('')
    // The allowance is used (the withdrawal's tombstones are there) and only where tombstones are: Atom "all".
    const withTombstones = site.filter((r) => r.warnings.some(tombstones)).map(path)
    expect(withTombstones).toContain('/feeds/all.atom')
    // (The withdrawn article was tagged 綦江 and 基准: their topic feeds, logs like "all", carry tombstones too.)
    expect(withTombstones).toContain('/feeds/topics/qijiang.atom')
    expect(withTombstones).toContain(`${HANT_PATH}/feeds/all.atom`)
    expect(withTombstones).toContain(`${HANT_PATH}/feeds/topics/qijiang.atom`)
    expect(
      withTombstones.filter(
        (p) =>
          !/^\/feeds\/(?:all|topics\/[a-z0-9-]+|people\/[a-z0-9-]+)\.atom(?:\?|$)/.test(
            p.replace(HANT_PATH, ''),
          ),
      ),
    ).toEqual([])
  })

  it('reports no error on the hostile article that bypassed content:check, and only warnings about its text', () => {
    expect(hostile.map(path)).toEqual([
      ...OPML_PATHS,
      '/feeds/all.rss',
      '/feeds/hostile.rss',
      '/feeds/all.atom',
      '/feeds/hostile.atom',
    ])
    expect(unexpected(hostile, (w) => w.type in MARKUP_IN_TEXT)).toBe('')
    // The allowance is used (it cannot outlive the payload) and only by classes it names.
    const seen = new Set(hostile.flatMap((r) => r.warnings.map((w) => w.type)))
    expect([...seen].sort()).toEqual(Object.keys(MARKUP_IN_TEXT).sort())
  })

  it('reports no error and no warning on an empty site without a hub', () => {
    expect(empty.map(path)).toEqual([...OPML_PATHS, '/feeds/all.rss', '/feeds/all.atom'])
    expect(unexpected(empty)).toBe('')
  })

  it('would report what the online service reports on a bad feed (the check can fail)', () => {
    const [bad] = validateFeeds([
      {
        url: `${PUBLIC}/feeds/bad.rss`,
        contentType: 'text/html; charset=utf-8',
        body: '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t &lt;b&gt;</title><link>/x</link><description>d</description><item><title>i</title></item></channel></rss>',
      },
    ])
    expect(unexpected(bad ? [bad] : [])).toContain('InvalidFullLink')
    expect(bad?.errors.map((e) => e.type)).toEqual(['InvalidFullLink'])
    expect(bad?.warnings.map((e) => e.type)).toEqual([
      'UnexpectedContentType',
      'CharacterData',
      'MissingGuid',
      'MissingAtomSelfLink',
    ])
  })
})

describe('the Traditional (zh-TW) edition in Universal Feed Parser', () => {
  it('reads its "all" feeds without error, in zh-TW, with ids and links of its own', () => {
    for (const ext of ['rss', 'atom']) {
      const original = feedparser(heads.get(`/feeds/all.${ext}`) ?? '')
      const edition = feedparser(heads.get(`${HANT_PATH}/feeds/all.${ext}`) ?? '')
      expect(edition.bozo, edition.bozo_exception ?? '').toBe(0)
      expect(edition.feed.language).toBe('zh-TW')
      expect(edition.entries.length).toBe(original.entries.length)
      const ids = new Set(original.entries.map((e) => e.id))
      for (const e of edition.entries) {
        expect(ids.has(e.id), `${e.id}`).toBe(false)
        expect(e.link?.startsWith(`${PUBLIC}${HANT_PATH}/articles/`), `${e.link}`).toBe(true)
      }
      expect(edition.entries.map((e) => e.title)).toContain('綦萬「三化」發展注入新動能')
    }
  })
})
