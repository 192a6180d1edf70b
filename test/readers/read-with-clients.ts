/** Runs the Debian feed readers newsboat and rss2email against a feed URL, non-interactively, in a temp folder. */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Every external run is bounded: a hung reader fails its test instead of hanging the suite. */
const RUN_TIMEOUT_MS = 60_000

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: RUN_TIMEOUT_MS })
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error}`,
    )
  return result.stdout
}

/** Temp folders for the readers' files and caches: `make` one per run, `removeAll` after the file's tests. */
export function scratchFolders(prefix: string) {
  const dirs: string[] = []
  return {
    async make(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      dirs.push(dir)
      return dir
    },
    async removeAll(): Promise<void> {
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** One item as newsboat stored it. */
export interface NewsboatItem {
  title: string
  url: string
  content: string
  /** Unix seconds: what newsboat sorts by. */
  pubDate: number
  feedurl: string
}

/** `newsboat -u URLS -c CACHE -x reload`, then its SQLite cache read with sqlite3, newest first as newsboat shows. */
export async function newsboatReload(dir: string, urls: readonly string[]): Promise<NewsboatItem[]> {
  const urlsFile = join(dir, 'urls')
  const cache = join(dir, 'cache.db')
  await writeFile(urlsFile, `${urls.join('\n')}\n`)
  run('newsboat', ['-u', urlsFile, '-c', cache, '-C', '/dev/null', '-x', 'reload'])
  const json = run('sqlite3', [
    '-json',
    cache,
    'SELECT title, url, content, pubDate, feedurl FROM rss_item ORDER BY pubDate DESC',
  ])
  return json.trim() ? (JSON.parse(json) as NewsboatItem[]) : []
}

/** One line of newsboat's urls file: the feed's URL and its tags (an OPML import tags a feed with its group). */
export interface NewsboatSubscription {
  url: string
  tags: string[]
}

/** `newsboat -i FILE.opml`: the subscriptions an OPML import leaves in the urls file. */
export async function newsboatImport(dir: string, opml: string): Promise<NewsboatSubscription[]> {
  const urlsFile = join(dir, 'urls')
  const opmlFile = join(dir, 'import.opml')
  await writeFile(opmlFile, opml)
  await writeFile(urlsFile, '')
  run('newsboat', ['-u', urlsFile, '-c', join(dir, 'cache.db'), '-C', '/dev/null', '-i', opmlFile])
  return (await readFile(urlsFile, 'utf8'))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [url = '', ...rest] = l.split(' ')
      return { url, tags: [...rest.join(' ').matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '') }
    })
}

/** One mail as rss2email sent it. */
export interface Mail {
  subject: string
  body: string
}

/** Prints every message of a Maildir as JSON (subject decoded, body decoded from its transfer encoding). */
const READ_MAILDIR = `
import email.header, json, mailbox, sys
box = mailbox.Maildir(sys.argv[1], create=False)
out = []
for key, m in box.items():
    subject = str(email.header.make_header(email.header.decode_header(m['Subject'])))
    body = m.get_payload(decode=True).decode(m.get_content_charset() or 'utf-8')
    out.append({'subject': subject, 'body': body, 'type': m.get_content_type()})
print(json.dumps(out, ensure_ascii=False))
`

/**
 * rss2email (`r2e`) in its default configuration (text mail, html-mail False), subscribed to `feedUrl`, delivering
 * into a local Maildir: nothing leaves the machine.
 */
export async function rss2emailRun(dir: string, feedUrl: string): Promise<(Mail & { type: string })[]> {
  const maildir = join(dir, 'mail')
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, 'INBOX', sub), { recursive: true })
  const config = join(dir, 'r2e.cfg')
  await writeFile(
    config,
    `[DEFAULT]\nto = reader@example.invalid\nfrom = r2e@example.invalid\nemail-protocol = maildir\nmaildir-path = ${maildir}\nmaildir-mailbox = INBOX\n`,
  )
  const data = join(dir, 'r2e.json')
  run('r2e', ['-c', config, '-d', data, 'add', 'broadsheet', feedUrl])
  run('r2e', ['-c', config, '-d', data, 'run'])
  return JSON.parse(run('/usr/bin/python3', ['-c', READ_MAILDIR, join(maildir, 'INBOX')]))
}
