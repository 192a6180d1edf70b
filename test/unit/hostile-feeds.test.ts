/** Defence in depth: a hostile Article that bypassed content:check still gives well-formed, inert feeds. */
import { describe, expect, it } from 'vitest'
import { parseArticleValue, parseFeedHeadValue } from '../../model/parse-store-values.ts'
import { allFeed, articleFeed, type FeedDocument } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { buildArticle, buildPhoto, buildSiteConfig } from '../fixtures/build-article.ts'
import {
  buildHostileAllPage,
  buildHostileArticle,
  visiblePayload,
} from '../fixtures/hostile/hostile-article.ts'
import { feedparser } from '../helpers/feedparser.ts'
import { parseXml, type XmlNode } from '../helpers/parse-xml.ts'
import { type HtmlToken, tokenize } from '../worker/html-tokens.ts'

/** The same shape of article with harmless values: the elements and attributes a feed may legitimately have. */
const benignArticle = () =>
  buildArticle({
    slug: 'hostile',
    canonical: 'https://example.com/story',
    photos: [buildPhoto()],
  })

/** The value as the Worker sees it: JSON text from KV, parsed by the model's parser (store.ts does exactly this). */
const fromKv = <T>(value: unknown, parse: (v: unknown) => T): T => parse(JSON.parse(JSON.stringify(value)))

const scopes = {
  article: (hostile: boolean) =>
    articleFeed(
      fromKv(
        { version: 'v1', article: hostile ? buildHostileArticle() : benignArticle() },
        parseArticleValue,
      ),
      buildSiteConfig(),
    ),
  all: (hostile: boolean) => {
    const page = buildHostileAllPage(hostile ? buildHostileArticle() : benignArticle())
    const stored = { version: page.version, updated: page.updated, archived: 0, next: 9, items: page.entries }
    return allFeed({ ...page, entries: fromKv(stored, parseFeedHeadValue).items }, buildSiteConfig())
  },
} satisfies Record<string, (hostile: boolean) => FeedDocument>

const xmlFormats = { rss: renderRss, atom: renderAtom }

/** Element names and `element@attribute` pairs anywhere in the tree. */
function shape(node: XmlNode): Set<string> {
  const out = new Set<string>([node.name, ...Object.keys(node.attributes).map((a) => `${node.name}@${a}`)])
  for (const child of node.children) for (const s of shape(child)) out.add(s)
  return out
}

/** Every node whose text is HTML: RSS content:encoded, Atom content and summary type="html". */
function htmlNodes(node: XmlNode): XmlNode[] {
  const mine = ['content:encoded', 'content'].includes(node.name) ? [node] : []
  return [...mine, ...node.children.flatMap(htmlNodes)]
}

/** The only markup our section HTML contains: paragraphs and figures with an https image. Returns its text. */
function expectInertHtml(html: string): string {
  const tokens: HtmlToken[] = tokenize(html)
  const allowed: Record<string, string[]> = {
    p: [],
    figure: [],
    figcaption: [],
    img: ['src', 'alt', 'width', 'height'],
  }
  for (const t of tokens) {
    if (t.kind !== 'start') continue
    expect(Object.keys(allowed)).toContain(t.name)
    for (const attr of Object.keys(t.attrs)) expect(allowed[t.name]).toContain(attr)
    if (t.name === 'img') expect(t.attrs.src).toMatch(/^https:\/\//)
  }
  return tokens.flatMap((t) => (t.kind === 'text' ? [t.text] : [])).join('')
}

const NO_SCRIPT_URL = /javascript:|data:/i

describe.each(Object.entries(scopes))('%s feeds of a hostile article', (_scope, build) => {
  describe.each(Object.entries(xmlFormats))('%s', (_format, render) => {
    const xml = () => render(build(true))

    it('is well-formed XML that Universal Feed Parser reads with bozo 0', () => {
      expect(() => parseXml(xml())).not.toThrow()
      const parsed = feedparser(xml())
      expect(parsed.bozo_exception).toBeNull()
      expect(parsed.bozo).toBe(0)
      // Two sections and the gallery.
      expect(parsed.entries.length).toBe(3)
    })

    it('has exactly the elements and attributes of a harmless article: nothing injected', () => {
      const benign = shape(parseXml(render(build(false))))
      expect([...shape(parseXml(xml()))].filter((s) => !benign.has(s))).toEqual([])
    })

    it('carries section HTML with only our own markup, and no javascript: or data: URL anywhere', () => {
      const nodes = htmlNodes(parseXml(xml()))
      expect(nodes.length).toBeGreaterThan(0)
      for (const node of nodes) expectInertHtml(node.text)
      expect(xml()).not.toMatch(NO_SCRIPT_URL)
      for (const entry of feedparser(xml()).entries) {
        expect(entry.link).toMatch(/^https:\/\/news\.example\.com\/articles\/hostile\/[a-z0-9-]+$/)
        for (const media of entry.media_content) expect(media.url).toMatch(/^https:\/\//)
      }
    })

    it('shows the hostile text as text, minus forbidden characters', () => {
      const [first] = feedparser(xml()).entries
      expect(first?.title).toBe(visiblePayload('heading'))
      const html = htmlNodes(parseXml(xml()))[0]?.text ?? ''
      expect(expectInertHtml(html)).toContain(visiblePayload('paragraph'))
      expect(expectInertHtml(html)).toContain(visiblePayload('section-caption'))
    })
  })

  describe('json', () => {
    const json = () => renderJsonFeed(build(true))

    it('parses, keeps every URL member http(s), and carries no javascript: or data: URL', () => {
      const text = json()
      const feed: unknown = JSON.parse(text)
      expect(text).not.toMatch(NO_SCRIPT_URL)
      const urls: string[] = []
      const walk = (v: unknown, key = ''): void => {
        if (typeof v === 'string' && /(^|_)url$|^(image|icon|favicon)$/.test(key)) urls.push(v)
        else if (Array.isArray(v)) for (const x of v) walk(x, key)
        else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, k)
      }
      walk(feed)
      expect(urls.length).toBeGreaterThan(5)
      for (const url of urls) expect(url).toMatch(/^https:\/\//)
    })

    it('carries content_html with only our own markup and the hostile text as text', () => {
      const feed = JSON.parse(json())
      for (const item of feed.items) expectInertHtml(item.content_html)
      expect(expectInertHtml(feed.items[0].content_html)).toContain(visiblePayload('paragraph'))
      expect(feed.items[0].title).toBe(visiblePayload('heading'))
      expect(feed.items[0]._broadsheet.photos[0].caption).toBe(visiblePayload('section-caption'))
    })
  })
})

describe('parseArticleValue of a hostile value', () => {
  it('drops photos with javascript: or data: sources and a javascript: canonical, and keeps the rest', () => {
    const { article } = fromKv({ version: 'v1', article: buildHostileArticle() }, parseArticleValue)
    expect(article.canonical).toBeUndefined()
    expect(article.sections[0]?.photos.map((p) => p.src)).toEqual(['/media/3f2a9c1b.jpg'])
    expect(article.photos.map((p) => p.src)).toEqual(['/media/3f2a9c1b.jpg'])
    expect(article.title).toBe(buildHostileArticle().title)
  })

  it.each([
    ['https://images.example.com/a.jpg', true],
    ['/media/ab.jpg', true],
    ['//evil.example/a.jpg', false],
    ['http://images.example.com/a.jpg', false],
    [' https://images.example.com/a.jpg', false],
    ['vbscript:x', false],
    ['media/a.jpg', false],
  ])('keeps a photo from %j: %s', (src, kept) => {
    const article = buildArticle({ photos: [buildPhoto({ src })] })
    expect(fromKv({ version: 'v1', article }, parseArticleValue).article.photos.length).toBe(kept ? 1 : 0)
  })
})
