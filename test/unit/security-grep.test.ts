/** Security review, by reading the source: the Worker never writes KV, the widget never parses markup from data. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** Every TypeScript file under `dir`, with its text. */
async function sources(dir: string): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })))
}

/** `lines` of `text` matching `pattern`, as `file:line: text` for a readable failure. */
function hits(file: string, text: string, pattern: RegExp): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
}

describe('worker/**', () => {
  it('has no KV write: no put, delete or bulk call in any file that can reach the KV binding', async () => {
    const all = await sources('worker')
    expect(all.length).toBeGreaterThan(20)
    // The binding is only ever named CONTENT or typed KVNamespace; files that touch it must not write.
    const kvFiles = all.filter((s) => /\bCONTENT\b|\bKVNamespace\b/.test(s.text))
    expect(kvFiles.map((s) => s.file)).toContain(path.join('worker', 'store.ts'))
    const writes = kvFiles.flatMap((s) => hits(s.file, s.text, /\.(?:put|delete|bulkPut|bulkDelete)\s*\(/))
    // store.ts keeps a per-isolate Map of parsed values: its Map#delete is not KV.
    expect(writes.filter((w) => !/\bmemo\.delete\(/.test(w))).toEqual([])
    // And no file calls a write on anything named like the binding.
    const direct = all.flatMap((s) =>
      hits(s.file, s.text, /\b(?:kv|CONTENT|namespace)\s*\.\s*(?:put|delete|bulkPut|bulkDelete)\b/i),
    )
    expect(direct).toEqual([])
  })

  it('reads KV only in store.ts: other modules hand the binding over, never call it', async () => {
    const reads = (await sources('worker')).flatMap((s) =>
      s.file.endsWith(`${path.sep}store.ts`)
        ? []
        : hits(s.file, s.text, /\b(?:kv|CONTENT)\s*\.\s*(?:get|getWithMetadata|list)\b/),
    )
    expect(reads).toEqual([])
  })
})

describe('widget/**', () => {
  it('renders only through Lit templates: no unsafeHTML, innerHTML or other HTML sinks', async () => {
    const all = await sources('widget')
    expect(all.length).toBeGreaterThan(5)
    const sinks =
      /\b(?:unsafeHTML|unsafeSVG|unsafeStatic|unsafeMathML|innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|srcdoc|eval|Function)\b/
    expect(all.flatMap((s) => hits(s.file, s.text, sinks))).toEqual([])
  })

  it('touches no cookie or storage and fetches without credentials', async () => {
    const all = await sources('widget')
    const storage = /\b(?:document\.cookie|localStorage|sessionStorage|indexedDB|caches\.open)\b/
    expect(all.flatMap((s) => hits(s.file, s.text, storage))).toEqual([])
    const fetches = all.flatMap((s) => hits(s.file, s.text, /\bfetch\(/))
    expect(fetches.length).toBeGreaterThan(0)
    expect(await readFile('widget/load-feed.ts', 'utf8')).toContain("credentials: 'omit'")
  })

  it('builds its markup with the html tag of Lit', async () => {
    const card = await readFile('widget/render-card.ts', 'utf8')
    expect(card).toMatch(/import \{[^}]*\bhtml\b[^}]*\} from 'lit'/)
  })
})
