/**
 * The Cron Trigger (wrangler.toml `[triggers] crons`), run by the discovery Worker when the feed Worker's cron tells
 * it (worker/discovery-forward.ts): when an embargo lifted since the previous run, tell the WebSub hub about the
 * feeds that now show the article (its own, "all", its topics' and people's), and search engines (IndexNow, Baidu)
 * about its pages.
 * Visibility itself needs no cron (the Worker decides it per request); only they have to be told, and nobody runs
 * publish at that moment. Each edition is told of its own URLs (the Traditional one's under `/zh-tw`), from its own
 * values: an edition publish never wrote names nothing.
 */
import { EDITIONS } from '../model/edition.ts'
import { liftedBetween } from '../model/embargo.ts'
import { articlePageUrl, FEED_FORMATS, feedUrl, sectionPageUrl, subjectFeedName } from '../model/feed-urls.ts'
import { notifySearchEngines, searchEngineSettings } from '../model/notify-search-engines.ts'
import { pingHub } from '../model/ping-hub.ts'
import { subjectItems } from '../model/subject-items.ts'
import { cronPeriodMs } from './cron-period.ts'
import type { CronRun } from './discovery-forward.ts'
import { editionNamespace, readArticle, readIndexHead, readSitemapIndex, readSitemapPart } from './store.ts'

const baseOf = (env: Env): string => env.PUBLIC_BASE_URL.trim().replace(/\/+$/, '')

/** One edition's values and where its URLs start. */
interface EditionPlace {
  kv: KVNamespace
  base: string
}

/** The URLs `named` finds in each edition, the original's first; none without a canonical base URL. */
async function inEveryEdition(
  env: Env,
  named: (place: EditionPlace) => Promise<string[]>,
): Promise<string[]> {
  const base = baseOf(env)
  if (!base) return []
  const found = await Promise.all(
    Object.values(EDITIONS).map((e) =>
      named({ kv: editionNamespace(env.CONTENT, e.name), base: `${base}${e.path}` }),
    ),
  )
  return found.flat()
}

/** The topic and person feeds holding items of the articles (each read from its value), each once. */
async function subjectFeedsOf(kv: KVNamespace, slugs: readonly string[]): Promise<string[]> {
  const stored = await Promise.all(slugs.map((slug) => readArticle(kv, slug)))
  const names = stored.flatMap((s) =>
    s?.kind === 'article'
      ? [...subjectItems(s.value.article).values()].map((v) => subjectFeedName(v.kind, v.id))
      : [],
  )
  return [...new Set(names)]
}

/**
 * The feed URLs to ping for the articles whose embargo lifted in (`scheduledTime` − one period, `scheduledTime`]:
 * each article's feeds, "all", and the feeds of the topics and people they hold items of. The period is the
 * trigger's own (`cron`, the expression in wrangler.toml).
 */
export function liftedFeedUrls(env: Env, scheduledTime: number, cron: string): Promise<string[]> {
  const from = scheduledTime - cronPeriodMs(cron)
  return inEveryEdition(env, async ({ kv, base }) => {
    const index = await readIndexHead(kv)
    if (index === null) return []
    const lifted = liftedBetween(index.articles, (a) => a.published, from, scheduledTime)
    if (lifted.length === 0) return []
    const slugs = lifted.map((a) => a.slug)
    return [...slugs, 'all', ...(await subjectFeedsOf(kv, slugs))].flatMap((name) =>
      FEED_FORMATS.map((f) => feedUrl(base, name, f.ext)),
    )
  })
}

/**
 * The page URLs (article page and section pages) of the articles whose embargo lifted in the period, found in the
 * sitemap index's still-embargoed lists (every part, not only the newest articles) and their parts.
 */
export function liftedPageUrls(env: Env, scheduledTime: number, cron: string): Promise<string[]> {
  const from = scheduledTime - cronPeriodMs(cron)
  return inEveryEdition(env, async ({ kv, base }) => {
    const index = await readSitemapIndex(kv)
    if (index === null) return []
    const urls: string[] = []
    for (const part of index.parts) {
      const lifted = liftedBetween(part.scheduled, (s) => s.published, from, scheduledTime)
      if (lifted.length === 0) continue
      const articles = (await readSitemapPart(kv, part.page))?.articles ?? []
      for (const { slug } of lifted) {
        const entry = articles.find((a) => a.slug === slug)
        if (!entry) continue
        urls.push(articlePageUrl(base, slug), ...entry.sections.map((s) => sectionPageUrl(base, slug, s.id)))
      }
    }
    return urls
  })
}

/** Pings the hub (when WEBSUB_HUB is set) for every feed an embargo changed; one log line per ping. */
async function pingHubAtLift(scheduledTime: number, cron: string, env: Env): Promise<void> {
  const hub = env.WEBSUB_HUB.trim()
  if (!hub) return
  if (!baseOf(env)) {
    console.log('websub: WEBSUB_HUB is set but PUBLIC_BASE_URL is empty; a cron run cannot name the feeds')
    return
  }
  const urls = await liftedFeedUrls(env, scheduledTime, cron)
  for (const r of await pingHub(hub, urls)) console.log(`websub: ${r.status} ${r.url}`)
}

/** Tells IndexNow and Baidu (when configured) about the pages an embargo opened; one log line per request. */
async function notifyEnginesAtLift(scheduledTime: number, cron: string, env: Env): Promise<void> {
  const settings = searchEngineSettings({
    baseUrl: baseOf(env),
    indexNowKey: env.INDEXNOW_KEY,
    indexNowEndpoint: env.INDEXNOW_ENDPOINT,
    baiduToken: env.BAIDU_PUSH_TOKEN,
    baiduEndpoint: env.BAIDU_PUSH_ENDPOINT,
  })
  if (!settings) return
  const urls = await liftedPageUrls(env, scheduledTime, cron)
  for (const r of await notifySearchEngines(settings, urls))
    console.log(`${r.engine}: ${r.status} for ${r.urls} page URLs${r.detail ? ` (${r.detail})` : ''}`)
}

export async function scheduled(controller: CronRun, env: Env): Promise<void> {
  await Promise.all([
    pingHubAtLift(controller.scheduledTime, controller.cron, env),
    notifyEnginesAtLift(controller.scheduledTime, controller.cron, env),
  ])
}
