/**
 * Tells search engines which page URLs changed: IndexNow (one POST of up to 10,000 URLs per batch, JSON; Bing,
 * Yandex, Seznam, Naver… share it) and, optionally, Baidu's URL push (text/plain, one URL a line). Shared by publish
 * (Node) and the embargo cron (Worker). A failure is reported, never thrown: the content is live either way.
 */
import { indexNowKeyUrl } from './feed-urls.ts'

/** What notifying needs; an engine without its setting is off. */
export interface SearchEngineSettings {
  /** Absolute origin of the public site (PUBLIC_BASE_URL): IndexNow's `host`, Baidu's `site`. */
  baseUrl: string
  indexNow?: { key: string; endpoint: string }
  baidu?: { token: string; endpoint: string }
}

/** One request sent: to which engine, how many URLs, and the HTTP status (or why it failed). */
export interface NotifyResult {
  engine: 'indexnow' | 'baidu'
  urls: number
  status: number | 'failed'
  detail?: string
}

/** IndexNow: at most 10,000 URLs per POST (indexnow.org). */
export const INDEXNOW_BATCH = 10_000
/** Baidu's URL push: at most 2,000 URLs per request. */
export const BAIDU_BATCH = 2_000
/** IndexNow's shared endpoint (forwards to every participating engine). */
export const INDEXNOW_DEFAULT_ENDPOINT = 'https://api.indexnow.org/indexnow'
/** Baidu's URL push API (搜索资源平台, 普通收录 API提交). */
export const BAIDU_DEFAULT_ENDPOINT = 'http://data.zz.baidu.com/urls'

function* batches<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size)
}

async function send(
  engine: NotifyResult['engine'],
  urls: number,
  url: string,
  init: RequestInit,
): Promise<NotifyResult> {
  try {
    const res = await fetch(url, { ...init, method: 'POST', signal: AbortSignal.timeout(15_000) })
    const detail = res.ok ? undefined : (await res.text()).slice(0, 200)
    return { engine, urls, status: res.status, ...(detail ? { detail } : {}) }
  } catch (e) {
    return { engine, urls, status: 'failed', detail: e instanceof Error ? e.message : String(e) }
  }
}

/** Sends every URL once to each configured engine; returns one result per request sent (none when all are off). */
export async function notifySearchEngines(
  s: SearchEngineSettings,
  urls: readonly string[],
): Promise<NotifyResult[]> {
  const unique = [...new Set(urls)]
  if (unique.length === 0) return []
  const results: NotifyResult[] = []
  const origin = new URL(s.baseUrl)
  if (s.indexNow) {
    const { key, endpoint } = s.indexNow
    for (const urlList of batches(unique, INDEXNOW_BATCH))
      results.push(
        await send('indexnow', urlList.length, endpoint, {
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({
            host: origin.host,
            key,
            keyLocation: indexNowKeyUrl(origin.origin, key),
            urlList,
          }),
        }),
      )
  }
  if (s.baidu) {
    // Baidu names an https site with its scheme, an http one by its host alone.
    const site = origin.protocol === 'https:' ? origin.origin : origin.host
    const target = `${s.baidu.endpoint}?site=${encodeURIComponent(site)}&token=${encodeURIComponent(s.baidu.token)}`
    for (const list of batches(unique, BAIDU_BATCH))
      results.push(
        await send('baidu', list.length, target, {
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: list.join('\n'),
        }),
      )
  }
  return results
}

/** The settings from configuration values (wrangler.toml [vars], secrets): an engine is on when its key is set. */
export function searchEngineSettings(vars: {
  baseUrl: string
  indexNowKey?: string
  indexNowEndpoint?: string
  baiduToken?: string
  baiduEndpoint?: string
}): SearchEngineSettings | null {
  const key = vars.indexNowKey?.trim() ?? ''
  const token = vars.baiduToken?.trim() ?? ''
  if (!vars.baseUrl || (!key && !token)) return null
  return {
    baseUrl: vars.baseUrl.replace(/\/+$/, ''),
    ...(key
      ? { indexNow: { key, endpoint: vars.indexNowEndpoint?.trim() || INDEXNOW_DEFAULT_ENDPOINT } }
      : {}),
    ...(token ? { baidu: { token, endpoint: vars.baiduEndpoint?.trim() || BAIDU_DEFAULT_ENDPOINT } } : {}),
  }
}
