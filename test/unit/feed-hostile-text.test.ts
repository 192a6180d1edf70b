import { describe, expect, it } from 'vitest'
import { articleFeed } from '../../worker/render/feed-document.ts'
import { renderAtom } from '../../worker/render/render-atom.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { renderRss } from '../../worker/render/render-rss.ts'
import { cleanText, escapeXml } from '../../worker/render/xml-text.ts'
import { buildArticleValue, buildPhoto, buildSection, buildSiteConfig } from '../fixtures/build-article.ts'
import { feedparser } from '../helpers/feedparser.ts'
import { allText, childrenNamed, onlyChild, parseXml } from '../helpers/parse-xml.ts'

/** Everything a careless or malicious editor could paste, mixed with text that must survive. */
const HOSTILE =
  '<script>alert(1)</script> ]]> AT&T \u0001\u0008\u000B\u001F\u007F\u0085 \u202Eevil\u202C \u2066iso\u2069 ' +
  '\uD800lone \uDC00low \uFFFE\uFFFF ok 😀 綦江'
const KEPT = '<script>alert(1)</script> ]]> AT&T  evil iso lone low  ok 😀 綦江'

function hostileArticle() {
  const photo = buildPhoto({
    alt: HOSTILE,
    caption: HOSTILE,
    credit: { role: 'staff', name: `石亮${HOSTILE}` },
  })
  return buildArticleValue({
    title: HOSTILE,
    dek: HOSTILE,
    tags: [HOSTILE],
    byline: { role: 'staff', name: HOSTILE },
    sections: [
      buildSection({
        heading: HOSTILE,
        paragraphs: [HOSTILE, `<img src=x onerror=alert(1)>`],
        photos: [photo],
      }),
    ],
  })
}

const renderers = { rss: renderRss, atom: renderAtom }

describe('cleanText', () => {
  it('removes what XML 1.0 forbids, C1 controls and bidi controls, and keeps tab, newlines and astral characters', () => {
    expect(cleanText(HOSTILE)).toBe(KEPT)
    expect(cleanText('a\tb\nc\rd')).toBe('a\tb\nc\rd')
  })

  it('escapes so that ]]> and quotes cannot break out', () => {
    expect(escapeXml(`]]>"'&<`)).toBe(']]&gt;&quot;&#39;&amp;&lt;')
  })
})

describe.each(Object.entries(renderers))('%s of a hostile article', (_format, render) => {
  const xml = () => render(articleFeed(hostileArticle(), buildSiteConfig()))

  it('stays well-formed XML and parses with bozo 0', () => {
    expect(() => parseXml(xml())).not.toThrow()
    expect(feedparser(xml()).bozo).toBe(0)
  })

  it('has no element named script and no raw <script in any HTML-bearing text node', () => {
    const root = parseXml(xml())
    const names = (n: ReturnType<typeof parseXml>): string[] => [n.name, ...n.children.flatMap(names)]
    expect(names(root)).not.toContain('script')
    const channel = root.name === 'rss' ? onlyChild(root, 'channel') : root
    const items = [...childrenNamed(channel, 'item'), ...childrenNamed(channel, 'entry')]
    const html = items.flatMap((i) =>
      [...i.children].filter((c) => ['content:encoded', 'content', 'description'].includes(c.name)),
    )
    expect(html.length).toBeGreaterThan(0)
    for (const node of html) expect(node.text).not.toMatch(/<script|<img src=x/)
  })

  it('preserves the legal text in plain-text fields', () => {
    const root = parseXml(xml())
    expect(allText(root).join('\n')).toContain(KEPT)
    const [entry] = feedparser(xml()).entries
    expect(entry?.content[0]?.value).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(entry?.content[0]?.value).not.toMatch(/<script|<img src=x/)
  })
})

describe('JSON Feed of a hostile article', () => {
  it('is valid JSON whose strings carry no forbidden or bidi characters', () => {
    const text = renderJsonFeed(articleFeed(hostileArticle(), buildSiteConfig()))
    const feed = JSON.parse(text)
    expect(feed.title).toBe(KEPT)
    expect(feed.items[0].title).toBe(KEPT)
    expect(feed.items[0]._broadsheet.photos[0].caption).toBe(KEPT)
    expect(feed.items[0].content_html).not.toMatch(/<script|<img src=x/)
    // cleanText is proven above; here it must find nothing left to remove, and no escaped lone surrogate either.
    expect(cleanText(text)).toBe(text)
    expect(text).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/)
  })
})
