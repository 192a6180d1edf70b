/** A hostile article written straight into KV, served by the Worker: every read route stays well-formed and inert. */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildHostileAllPage,
  buildHostileArticle,
  visiblePayload,
} from '../fixtures/hostile/hostile-article.ts'
import { parseXml } from '../helpers/parse-xml.ts'
import { type HtmlToken, textOf, tokenize } from './html-tokens.ts'
import { ORIGIN, request, seedAllPage, seedArticle, seedIndex } from './seed.ts'

beforeAll(async () => {
  const article = buildHostileArticle()
  await seedArticle(article)
  await seedIndex([article])
  await seedAllPage(buildHostileAllPage(article))
})

const OEMBED = `/oembed?url=${encodeURIComponent(`${ORIGIN}/articles/hostile`)}&format=json`

/** Start tags with an event-handler attribute, or a URL attribute with a script-capable scheme. */
function dangerous(tokens: HtmlToken[]): string[] {
  return tokens.flatMap((t) => {
    if (t.kind !== 'start') return []
    const bad = Object.entries(t.attrs).filter(
      ([name, value]) => /^on/i.test(name) || /^\s*(?:javascript|data|vbscript):/i.test(value),
    )
    return bad.map(([name]) => `<${t.name} ${name}>`)
  })
}

describe('the read routes of a hostile article', () => {
  it.each(['/feeds/hostile.rss', '/feeds/hostile.atom', '/feeds/all.rss', '/feeds/all.atom', '/feeds.opml'])(
    '%s is well-formed XML with no javascript: or data: URL',
    async (path) => {
      const res = await request(path)
      expect(res.status).toBe(200)
      const body = await res.text()
      expect(() => parseXml(body)).not.toThrow()
      expect(body).not.toMatch(/javascript:|data:/i)
    },
  )

  it.each(['/feeds/hostile.json', '/feeds/all.json'])(
    '%s is JSON with no javascript: or data: URL',
    async (path) => {
      const res = await request(path)
      const body = await res.text()
      expect(() => JSON.parse(body)).not.toThrow()
      expect(body).not.toMatch(/javascript:|data:/i)
    },
  )

  it.each(['/articles/hostile', '/'])(
    '%s has no handler, no injected script and no script URL',
    async (path) => {
      const res = await request(path)
      expect(res.status).toBe(200)
      const tokens = tokenize(await res.text())
      expect(dangerous(tokens)).toEqual([])
      const scripts = tokens.flatMap((t) =>
        t.kind === 'start' && t.name === 'script' ? [t.attrs.type ?? '', t.attrs.src ?? 'inline'] : [],
      )
      expect(scripts.filter((s) => s === 'inline' || s === '')).toEqual(path === '/' ? [] : ['inline'])
      const texts = tokens.flatMap((t) => (t.kind === 'text' ? [t.text] : [])).join('')
      expect(texts).toContain(visiblePayload('title'))
    },
  )

  it('answers oEmbed with a snippet of exactly our elements (script, widget, linked card), the title as text', async () => {
    const res = await request(OEMBED)
    expect(res.status).toBe(200)
    const oembed: unknown = await res.json()
    const html = typeof oembed === 'object' && oembed && 'html' in oembed ? String(oembed.html) : ''
    const tokens = tokenize(html)
    const names = tokens.flatMap((t) => (t.kind === 'start' ? [t.name] : []))
    expect(names.slice(0, 3)).toEqual(['script', 'broadsheet-cards', 'blockquote'])
    expect([...new Set(names.slice(3))].sort()).toEqual(['a', 'img', 'p', 'strong'])
    expect(dangerous(tokens)).toEqual([])
    expect(textOf(tokens, 'strong')).toBe(visiblePayload('title'))
  })
})
