/** WebSub publishing (W3C WebSub §"publishing"): tell a hub which feed URLs changed; shared by publish and the cron. */

export interface PingResult {
  url: string
  status: number | 'failed'
}

/** Sends one `hub.mode=publish` request per feed; a hub that fails is reported, never fatal (the content is live). */
export async function pingHub(hub: string, urls: readonly string[]): Promise<PingResult[]> {
  const results: PingResult[] = []
  for (const url of urls) {
    try {
      const res = await fetch(hub, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }),
        signal: AbortSignal.timeout(10_000),
      })
      results.push({ url, status: res.status })
    } catch {
      results.push({ url, status: 'failed' })
    }
  }
  return results
}
