/** Runs Universal Feed Parser (Debian's python3-feedparser) on a feed and returns what it understood. */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('./feedparser-dump.py', import.meta.url))
/** Debian's interpreter: the only one that sees python3-feedparser (see TOOLCHAIN.md). */
const PYTHON = '/usr/bin/python3'

export interface ParsedLink {
  rel: string | null
  type: string | null
  href: string | null
}

export interface ParsedEntry {
  id: string | null
  title: string | null
  title_type: string | null
  link: string | null
  links: ParsedLink[]
  published: string | null
  updated: string | null
  author: string | null
  summary: string | null
  summary_detail: { type: string | null; value: string | null }
  content: { type: string | null; value: string | null }[]
  media_content: Record<string, string>[]
  media_credit: Record<string, string>[]
  media_thumbnail: Record<string, string>[]
  tags: (string | null)[]
  enclosures: Record<string, string>[]
  language: string | null
}

export interface ParsedFeed {
  bozo: number
  bozo_exception: string | null
  version: string | null
  feed: {
    title: string | null
    language: string | null
    updated: string | null
    links: ParsedLink[]
    icon: string | null
    logo: string | null
    image: Record<string, unknown> | null
  }
  entries: ParsedEntry[]
}

function run(args: string[], input: string): unknown {
  const done = spawnSync(PYTHON, [SCRIPT, ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (done.status !== 0) throw new Error(`feedparser failed (${done.status}): ${done.stderr || done.error}`)
  return JSON.parse(done.stdout)
}

function checked(parsed: unknown): ParsedFeed {
  if (typeof parsed !== 'object' || parsed === null || !('bozo' in parsed) || !('entries' in parsed))
    throw new Error(`unexpected feedparser output: ${JSON.stringify(parsed).slice(0, 200)}`)
  // The script's output shape is fixed by feedparser-dump.py beside this file; checked above at its root.
  return parsed as ParsedFeed
}

/** Parses `feed` (RSS or Atom text) with feedparser; throws when python fails, so a broken setup is loud. */
export function feedparser(feed: string): ParsedFeed {
  return checked(run([], feed))
}

/** Parses several feeds in one Python process (each start-up costs about half a second here). */
export function feedparserAll(feeds: readonly string[]): ParsedFeed[] {
  const parsed = run(['--many'], JSON.stringify(feeds))
  if (!Array.isArray(parsed) || parsed.length !== feeds.length)
    throw new Error('unexpected feedparser output: not one result per feed')
  return parsed.map(checked)
}
