/**
 * Seeds the test KV: `seedPublished` with exactly what the real publisher builds from content/ (in Node, by
 * published-seed-setup.ts); the other helpers with single values built from the shared fixture builders.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { inject } from 'vitest'
import discovery from '../../discovery/index.ts'
import type { Article } from '../../model/article.ts'
import { keys } from '../../model/store-keys.ts'
import type { ArticleSummary, ArticleValue, IndexHeadValue } from '../../model/store-values.ts'
import worker from '../../worker/index.ts'
import type { AllFeedPage } from '../../worker/render/feed-document.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import type { ProvidedEntry } from './published-seed-setup.ts'

/** The origin of every test request (PUBLIC_BASE_URL is empty in wrangler.toml, so URLs use it). */
export const ORIGIN = 'http://broadsheet.test'

/** A content version like publish's: a hash of the value, so different content never shares a version. */
async function contentVersion(value: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value)))
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Stores `v2:article:{slug}` with its content hash in the metadata, as publish does, and returns the value. */
export async function seedArticle(article: Article = buildArticle()): Promise<ArticleValue> {
  const value = { version: await contentVersion(article), article }
  await env.CONTENT.put(keys.article(article.slug), JSON.stringify(value), { metadata: { h: value.version } })
  return value
}

/** What the article list knows of an article. */
export function summaryOf(article: Article): ArticleSummary {
  const { sections, lede: _lede, photos, ...rest } = article
  const photo = sections.flatMap((s) => s.photos)[0] ?? photos[0]
  return { ...rest, sectionCount: sections.length, ...(photo === undefined ? {} : { photo }) }
}

/** Stores `v2:index:head` listing the articles in the given order (newest first). */
export async function seedIndex(articles: readonly Article[]): Promise<IndexHeadValue> {
  const list = [...articles].reverse().map((a, n) => ({ ...summaryOf(a), n }))
  const updated = list.map((a) => a.updated).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null
  const body = { updated, pages: 0, next: list.length, articles: list }
  const value = { version: await contentVersion(body), ...body }
  await env.CONTENT.put(keys.indexHead(), JSON.stringify(value), { metadata: { h: value.version } })
  return value
}

/** Stores a document of the "all" feed: the head, or archive page N; the version is re-derived from the content. */
export async function seedAllPage(page: AllFeedPage): Promise<AllFeedPage> {
  const version = await contentVersion(page)
  const stored =
    page.archive === null
      ? {
          version,
          updated: page.updated,
          archived: page.archived,
          next: page.entries.length,
          items: page.entries,
        }
      : { version, page: page.archive, updated: page.updated, items: page.entries }
  const key = page.archive === null ? keys.feedHead() : keys.feedArchive(page.archive)
  await env.CONTENT.put(key, JSON.stringify(stored), { metadata: { h: version } })
  return { ...page, version }
}

/** A provided entry's value as publish wrote it: text, or the bytes its base64 carries. */
export const providedValue = (e: ProvidedEntry): string | Uint8Array =>
  e.base64 === undefined ? (e.text ?? '') : Uint8Array.from(atob(e.base64), (c) => c.charCodeAt(0))

/** Stores every KV entry `content:publish` builds for content/ (the real publisher's output, bytes as bytes). */
export async function seedPublished(): Promise<ProvidedEntry[]> {
  const entries = inject('publishedSeed')
  for (const e of entries) await env.CONTENT.put(e.key, providedValue(e), { metadata: e.metadata })
  return entries
}

/** Sends a request to the Worker under test; `path` is relative to ORIGIN. */
export function request(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init))
}

/**
 * Calls the Worker's fetch handler directly, without the test pool's HTTP hop (which decodes gzip): for
 * raw bytes, a request with `cf` properties, or a different configuration (`vars`, given to the discovery Worker
 * too: its DISCOVERY binding is then a direct call, as both Workers are deployed with the same settings).
 */
export async function callWorker(req: Request, vars: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const configured = { ...env, ...vars }
  const DISCOVERY = { fetch: (r: Request) => discovery.fetch(r, configured, ctx) } as unknown as Fetcher
  const response = await worker.fetch(req, { ...configured, DISCOVERY }, ctx)
  await waitOnExecutionContext(ctx)
  return response
}
