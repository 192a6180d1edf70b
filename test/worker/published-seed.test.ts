/** The Worker serving exactly what `content:publish` builds from content/: the real publisher's values, no copy. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../model/article.ts'
import { parseArticleValue } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import type { ProvidedEntry } from './published-seed-setup.ts'
import { providedValue, request, seedPublished } from './seed.ts'

let entries: ProvidedEntry[] = []
/** The ids feeds give an article's sections (`tag:broadsheet,{year}:{slug}/{section id}`). */
const sectionIds = (a: Article): string[] =>
  a.sections.map((s) => `tag:broadsheet,${a.published.slice(0, 4)}:${a.slug}/${s.id}`)
const under = (prefix: string) => entries.filter((e) => e.key.startsWith(prefix))

// Timeouts here only stop a hung Worker: the seed holds every rendition, so this file moves a few MB.
beforeAll(async () => {
  entries = await seedPublished()
}, 120_000)

describe('the Worker over the seed as content:publish builds it', () => {
  it('was given every value publish writes: articles, media and the two heads', () => {
    expect(under(keys.article('')).length).toBeGreaterThan(0)
    expect(under(keys.media('')).length).toBeGreaterThan(0)
    expect(entries.some((e) => e.key === keys.indexHead())).toBe(true)
    expect(entries.some((e) => e.key === keys.feedHead())).toBe(true)
  })

  it('lists each article on / and in the OPML, and serves its page and its three feeds with every section', async () => {
    const home = await (await request('/')).text()
    const opml = await (await request('/feeds.opml')).text()
    for (const e of under(keys.article(''))) {
      const { article } = parseArticleValue(JSON.parse(e.text ?? ''))
      expect(home).toContain(`/articles/${article.slug}"`)
      expect(opml).toContain(`/feeds/${article.slug}.rss"`)
      const page = await request(`/articles/${article.slug}`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain(article.sections[0]?.heading ?? '(no section)')
      for (const ext of ['rss', 'atom'])
        expect((await request(`/feeds/${article.slug}.${ext}`)).status).toBe(200)
      const feed: { items: { id: string }[] } = await (await request(`/feeds/${article.slug}.json`)).json()
      expect(feed.items.map((i) => i.id)).toEqual(expect.arrayContaining(sectionIds(article)))
    }
  })

  it('serves the "all" feeds with every section of every article', async () => {
    const ids = under(keys.article('')).flatMap((e) =>
      sectionIds(parseArticleValue(JSON.parse(e.text ?? '')).article),
    )
    const all: { items: { id: string }[] } = await (await request('/feeds/all.json')).json()
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining(ids))
    for (const ext of ['rss', 'atom']) expect((await request(`/feeds/all.${ext}`)).status).toBe(200)
  })

  it('serves every media value byte for byte, with the type publish recorded', {
    timeout: 120_000,
  }, async () => {
    for (const e of under(keys.media(''))) {
      const res = await request(`/media/${e.key.slice(keys.media('').length)}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(e.metadata.type)
      const bytes = new Uint8Array(await res.arrayBuffer())
      const value = providedValue(e)
      expect(bytes).toEqual(typeof value === 'string' ? new TextEncoder().encode(value) : value)
    }
  })
})
