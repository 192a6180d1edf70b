/** Topic and person pages, feeds and lists, served from what content:publish builds from content/. */
import { beforeAll, describe, expect, it } from 'vitest'
import { tokenize } from './html-tokens.ts'
import { callWorker, ORIGIN, request, seedPublished } from './seed.ts'

type JsonFeed = {
  title: string
  items: { id: string; url: string; tags?: string[] }[]
  home_page_url: string
}

const SEED_ITEMS = ['wanqi-integration', 'opening-up', 'industrial-upgrade', 'photos']
const itemId = (section: string) => `tag:broadsheet,2020:qijiang-strategic-pivot/${section}`

beforeAll(async () => {
  await seedPublished()
}, 120_000)

/** `<link rel=…>` tags of a page, as attribute maps. */
async function links(path: string): Promise<Record<string, string>[]> {
  const html = await (await request(path)).text()
  return tokenize(html).flatMap((t) => (t.kind === 'start' && t.name === 'link' ? [t.attrs] : []))
}

describe('GET /feeds/topics/:id.{rss,atom,json}', () => {
  it('serves every item of the articles tagged with the topic, newest first, titled in Chinese', async () => {
    const res = await request('/feeds/topics/qijiang.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    const feed: JsonFeed = await res.json()
    expect(feed.title).toBe('话题：綦江 | Broadsheet')
    expect(feed.home_page_url).toBe('http://broadsheet.test/topics/qijiang')
    expect(feed.items.map((i) => i.id)).toEqual(SEED_ITEMS.map(itemId))
  })

  it('names the IPTC Media Topic code as a category with its scheme (RSS domain, Atom scheme)', async () => {
    const rss = await (await request('/feeds/topics/qijiang-wansheng-integration.rss')).text()
    expect(rss).toContain(
      '<category domain="http://cv.iptc.org/newscodes/mediatopic/">medtop:04000000</category>',
    )
    const atom = await (await request('/feeds/topics/qijiang-wansheng-integration.atom')).text()
    expect(atom).toContain(
      '<category term="medtop:04000000" scheme="http://cv.iptc.org/newscodes/mediatopic/" label="綦万一体化"/>',
    )
    expect(atom).toContain('<id>tag:broadsheet,2020:topics/qijiang-wansheng-integration</id>')
  })

  it('answers 404 for a topic nobody defined and for an id outside [a-z0-9-]', async () => {
    expect((await request('/feeds/topics/no-such-topic.rss')).status).toBe(404)
    expect((await request('/feeds/topics/Qijiang.rss')).status).toBe(404)
    expect((await request('/topics/no-such-topic')).status).toBe(404)
  })
})

describe('GET /feeds/people/:id.json', () => {
  it('gives a writer every item of their articles', async () => {
    const feed: JsonFeed = await (await request('/feeds/people/liu-liuyin.json')).json()
    expect(feed.title).toBe('刘柳吟的报道与摄影 | Broadsheet')
    expect(feed.items.map((i) => i.id)).toEqual(SEED_ITEMS.map(itemId))
  })

  it('gives a photographer only the items holding their photos', async () => {
    const shi: JsonFeed = await (await request('/feeds/people/shi-liang.json')).json()
    expect(shi.items.map((i) => i.id)).toEqual([itemId('wanqi-integration')])
    const chen: JsonFeed = await (await request('/feeds/people/chen-xingyu.json')).json()
    expect(chen.items.map((i) => i.id)).toEqual([itemId('opening-up'), itemId('photos')])
  })
})

describe('WebSub discovery on topic and person feeds', () => {
  const HUB = 'https://hub.example.net/'
  const feed = async (path: string) =>
    (await callWorker(new Request(`${ORIGIN}${path}`), { WEBSUB_HUB: HUB })).text()

  it.each(['', '/zh-tw'])(
    'names the hub in RSS, Atom and JSON Feed, as "all" does (edition "%s")',
    async (e) => {
      for (const name of ['all', 'topics/qijiang', 'people/shi-liang']) {
        expect(await feed(`${e}/feeds/${name}.rss`)).toContain(`<atom:link href="${HUB}" rel="hub"/>`)
        expect(await feed(`${e}/feeds/${name}.atom`)).toContain(`<link rel="hub" href="${HUB}"/>`)
        const json = JSON.parse(await feed(`${e}/feeds/${name}.json`)) as { hubs?: unknown }
        expect(json.hubs).toEqual([{ type: 'WebSub', url: HUB }])
      }
    },
  )
})

describe('GET /topics/:id and /people/:id', () => {
  it('links the three feeds, its ActivityPub actor and its oEmbed endpoint as alternates', async () => {
    const alternates = (await links('/topics/qijiang')).filter(
      (l) => l.rel === 'alternate' && l.hreflang === undefined,
    )
    expect(alternates.map((l) => [l.type, l.href])).toEqual([
      ['application/rss+xml', 'http://broadsheet.test/feeds/topics/qijiang.rss'],
      ['application/atom+xml', 'http://broadsheet.test/feeds/topics/qijiang.atom'],
      ['application/feed+json', 'http://broadsheet.test/feeds/topics/qijiang.json'],
      ['application/activity+json', 'http://broadsheet.test/ap/actors/topic-qijiang'],
      [
        'application/json+oembed',
        `http://broadsheet.test/oembed?url=${encodeURIComponent('http://broadsheet.test/topics/qijiang')}&format=json`,
      ],
    ])
  })

  it("shows a topic's fediverse handle, and no person has one", async () => {
    const topic = await (await request('/topics/qijiang')).text()
    expect(topic).toContain(
      '<a href="http://broadsheet.test/ap/actors/topic-qijiang">@qijiang@broadsheet.test</a>',
    )
    expect(await (await request('/people/shi-liang')).text()).not.toContain('/ap/actors/')
  })

  it('lists the articles and shows the embed snippet with the topic feed as the widget src', async () => {
    const html = await (await request('/topics/qijiang')).text()
    expect(html).toContain('<h1>綦江</h1>')
    expect(html).toContain('href="http://broadsheet.test/articles/qijiang-strategic-pivot"')
    expect(html).toContain(
      '&lt;broadsheet-cards src=&quot;http://broadsheet.test/feeds/topics/qijiang.json&quot;&gt;',
    )
  })

  it("shows a photographer's photos with their credit", async () => {
    const html = await (await request('/people/shi-liang')).text()
    expect(html).toContain('石亮拍摄的照片')
    expect(html).toContain('记者 <a href="http://broadsheet.test/people/shi-liang">石亮</a> 摄')
    expect(html).not.toContain('罗胜')
  })
})

describe('GET /topics and /people', () => {
  it('lists every topic of content/topics.md in file order, linked to its page', async () => {
    const html = await (await request('/topics')).text()
    const hrefs = tokenize(html).flatMap((t) =>
      t.kind === 'start' && t.name === 'a' && t.attrs.href?.startsWith('http://broadsheet.test/topics/')
        ? [t.attrs.href]
        : [],
    )
    expect(hrefs).toEqual([
      'http://broadsheet.test/topics/qijiang',
      'http://broadsheet.test/topics/main-urban-area',
      'http://broadsheet.test/topics/qijiang-wansheng-integration',
    ])
  })

  it('lists every person of content/people.md', async () => {
    const html = await (await request('/people')).text()
    for (const id of ['liu-liuyin', 'shi-liang', 'chen-xingyu', 'liu-junxiao', 'luo-sheng', 'wang-dachun'])
      expect(html).toContain(`href="http://broadsheet.test/people/${id}"`)
  })

  it('answers 404 for a page past the end', async () => {
    expect((await request('/topics?page=2')).status).toBe(404)
  })
})

describe('links that lead to topics and people', () => {
  /** The `<a>` tags of a page with a given rel, as [href, text]. */
  async function anchors(path: string, rel: string): Promise<[string, string][]> {
    const tokens = tokenize(await (await request(path)).text())
    return tokens.flatMap((t, i) => {
      const next = tokens[i + 1]
      return t.kind === 'start' && t.name === 'a' && t.attrs.rel === rel
        ? [[t.attrs.href ?? '', next?.kind === 'text' ? next.text : ''] as [string, string]]
        : []
    })
  }

  it('links each tag of the article page to its topic page with rel="tag"', async () => {
    expect(await anchors('/articles/qijiang-strategic-pivot', 'tag')).toEqual([
      ['http://broadsheet.test/topics/qijiang', '綦江'],
      ['http://broadsheet.test/topics/main-urban-area', '主城都市区'],
      ['http://broadsheet.test/topics/qijiang-wansheng-integration', '綦万一体化'],
    ])
  })

  it('links the byline to the writer\'s page with rel="author" and each photo credit to the photographer\'s page', async () => {
    expect(await anchors('/articles/qijiang-strategic-pivot', 'author')).toEqual([
      ['http://broadsheet.test/people/liu-liuyin', '刘柳吟'],
    ])
    const html = await (await request('/articles/qijiang-strategic-pivot')).text()
    expect(html).toContain('记者 <a href="http://broadsheet.test/people/shi-liang">石亮</a> 摄')
  })

  it('lists the topics on the home page, with the topic and people lists', async () => {
    expect(await anchors('/', 'tag')).toEqual([
      ['http://broadsheet.test/topics/qijiang', '綦江'],
      ['http://broadsheet.test/topics/main-urban-area', '主城都市区'],
      ['http://broadsheet.test/topics/qijiang-wansheng-integration', '綦万一体化'],
    ])
    const html = await (await request('/')).text()
    expect(html).toContain('href="http://broadsheet.test/topics"')
    expect(html).toContain('href="http://broadsheet.test/people"')
  })
})
