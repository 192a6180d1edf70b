/** While content churns: every article that the "all" feed or the OPML lists must be servable at that moment. */

export interface ConsistencyStats {
  rounds: number
  checked: number
  violations: string[]
}

async function listedSlugs(base: string): Promise<Set<string>> {
  const slugs = new Set<string>()
  const all: unknown = await (await fetch(`${base}/feeds/all.json`)).json()
  const items =
    typeof all === 'object' && all !== null && 'items' in all && Array.isArray(all.items) ? all.items : []
  for (const item of items) {
    const slug: unknown = item?._broadsheet?.article?.slug
    if (typeof slug === 'string') slugs.add(slug)
  }
  const opml = await (await fetch(`${base}/feeds.opml`)).text()
  for (const m of opml.matchAll(/\/feeds\/([a-z0-9-]+)\.rss"/g)) if (m[1] !== 'all' && m[1]) slugs.add(m[1])
  return slugs
}

/**
 * A 404 for a listed article is a violation only if the listing still names it afterwards: publish removes an
 * article from the index first and deletes it after, so a listing read just before a removal may legitimately lag.
 */
export async function checkConsistency(base: string, signal: AbortSignal): Promise<ConsistencyStats> {
  const stats: ConsistencyStats = { rounds: 0, checked: 0, violations: [] }
  while (!signal.aborted) {
    stats.rounds++
    try {
      for (const slug of await listedSlugs(base)) {
        stats.checked++
        const res = await fetch(`${base}/feeds/${slug}.json`)
        if (res.status === 200) {
          await res.arrayBuffer()
          continue
        }
        await res.arrayBuffer()
        if ((await listedSlugs(base)).has(slug))
          stats.violations.push(`${slug} is listed but /feeds/${slug}.json answered ${res.status}`)
      }
    } catch (e) {
      stats.violations.push(`consistency check failed: ${e instanceof Error ? e.message : e}`)
    }
  }
  return stats
}
