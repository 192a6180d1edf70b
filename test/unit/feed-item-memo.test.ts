import { describe, expect, it } from 'vitest'
import type { FeedLogItem } from '../../model/store-values.ts'
import { type AllFeedPage, allFeed } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { buildAllPage, buildSiteConfig } from '../fixtures/build-article.ts'

/** The same page as a new parse of the same KV value would give: equal content, new objects. */
const reparsed = (page: AllFeedPage): AllFeedPage => structuredClone(page)

describe('allFeed: items remembered across renders', () => {
  it('renders a page from remembered items exactly as the first time, in RSS and Atom', () => {
    const page = buildAllPage({ count: 5 })
    const site = buildSiteConfig()
    const first = [renderRss(allFeed(page, site)), renderAtom(allFeed(page, site))]
    const again = [renderRss(allFeed(reparsed(page), site)), renderAtom(allFeed(reparsed(page), site))]
    expect(again).toEqual(first)
  })

  it('renders an entry whose content changed anew, however little changed', () => {
    const page = buildAllPage({ count: 3 })
    const site = buildSiteConfig()
    expect(renderRss(allFeed(page, site))).toContain('<title>第1节</title>')
    const edited = reparsed(page)
    const entry = edited.entries.find(
      (e): e is FeedLogItem => 'section' in e && e.section.heading === '第1节',
    )
    if (entry === undefined) throw new Error('fixture has no 第1节')
    entry.section.heading = '第1节（更正）'
    const rss = renderRss(allFeed(edited, site))
    expect(rss).toContain('<title>第1节（更正）</title>')
    expect(rss).not.toContain('<title>第1节</title>')
  })

  it('never gives one site configuration the items built for another', () => {
    const page = buildAllPage({ count: 2 })
    const site = buildSiteConfig()
    renderAtom(allFeed(page, site))
    const other = { ...site, baseUrl: 'https://mirror.example.org', origin: 'https://mirror.example.org' }
    const atom = renderAtom(allFeed(page, other))
    expect(atom).toContain('https://mirror.example.org/articles/')
    expect(atom).not.toContain(site.baseUrl)
  })

  it('hands out remembered items deeply frozen, so no reader can change what the next render uses', () => {
    const doc = allFeed(buildAllPage({ count: 1 }), buildSiteConfig())
    const item = doc.items[0]
    expect(Object.isFrozen(item)).toBe(true)
    expect(Object.isFrozen(item?.tags)).toBe(true)
    expect(Object.isFrozen(item?.article)).toBe(true)
  })
})
