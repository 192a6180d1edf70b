/**
 * Fetches the load's URLs in a loop with a real HTTP client (decoding UTF-8 and gzip properly, which the load
 * generator does not) and checks each body: well-formed JSON or XML, and one body per ETag.
 */
import { createHash } from 'node:crypto'
import { XMLValidator } from 'fast-xml-parser'

export interface SampleStats {
  fetched: number
  problems: string[]
}

function malformed(path: string, body: string): boolean {
  if (path.endsWith('.json')) {
    try {
      JSON.parse(body)
      return false
    } catch {
      return true
    }
  }
  return /\.(rss|atom|opml)$/.test(path) && XMLValidator.validate(body) !== true
}

/** Until `signal` aborts, GETs each path in turn (gzip and identity alternately). */
export async function sampleBodies(
  base: string,
  paths: readonly string[],
  signal: AbortSignal,
): Promise<SampleStats> {
  const stats: SampleStats = { fetched: 0, problems: [] }
  const digests = new Map<string, string>()
  for (let round = 0; !signal.aborted; round++) {
    for (const path of paths) {
      const encoding = round % 2 === 0 ? 'gzip' : 'identity'
      const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': encoding } })
      const body = await res.text()
      stats.fetched++
      if (res.status >= 500) stats.problems.push(`${res.status} on ${path}`)
      const etag = res.headers.get('etag')
      if (res.status !== 200 || !etag) continue
      if (malformed(path, body)) stats.problems.push(`malformed body from ${path} (${encoding})`)
      const digest = createHash('sha1').update(body).digest('hex')
      const key = `${path} ${etag}`
      const seen = digests.get(key)
      if (seen && seen !== digest) stats.problems.push(`two different bodies under ${key}`)
      digests.set(key, digest)
    }
  }
  return stats
}
