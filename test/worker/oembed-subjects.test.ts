/** oEmbed for topic and person pages, on what content:publish builds from content/. */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseXml } from '../helpers/parse-xml.ts'
import { request, seedPublished } from './seed.ts'

const BASE = 'http://broadsheet.test'
const oembed = (page: string, more = '') =>
  request(`/oembed?url=${encodeURIComponent(`${BASE}${page}`)}${more}`)
type Answer = Record<string, string | number>

/** The alt text of every photo of the seed article (content/articles/qijiang-strategic-pivot.md). */
const SEED_ALTS = [
  '綦江城区的楼群与街道',
  '智能化车间内的生产设备',
  '綦江区腾讯云科创中心',
  '綦江高新区的厂区一角',
  '海塑建材的生产车间',
  '云海笼罩下的綦江城区',
]

beforeAll(async () => {
  await seedPublished()
}, 120_000)

describe('GET /oembed?url={topic or person page}', () => {
  it("answers rich JSON whose snippet is the widget on the topic's JSON Feed around a linked card", async () => {
    const res = await oembed('/topics/qijiang')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = (await res.json()) as Answer
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: '綦江',
      provider_name: 'Broadsheet',
      provider_url: `${BASE}/`,
      cache_age: 3600,
      width: 600,
      height: 480,
    })
    expect(body).not.toHaveProperty('author_name')
    const alt = /alt="([^"]*)"/.exec(String(body.html))?.[1]
    // The newest photo of the topic's items: one of the seed's.
    expect(SEED_ALTS).toContain(alt)
    const card =
      `<blockquote cite="${BASE}/topics/qijiang"><p><a href="${BASE}/topics/qijiang"><img src="${body.thumbnail_url}" width="${body.thumbnail_width}" height="${body.thumbnail_height}" alt="${alt}" loading="lazy"></a></p>` +
      `<p><a href="${BASE}/topics/qijiang"><strong>綦江</strong></a></p><p>重庆市綦江区的新闻。</p>` +
      `<p>— <a href="${BASE}/">Broadsheet</a></p></blockquote>`
    expect(body.html).toBe(
      `<script type="module" src="${BASE}/widget.js"></script>\n` +
        `<broadsheet-cards src="${BASE}/feeds/topics/qijiang.json">${card}</broadsheet-cards>`,
    )
    expect(body.thumbnail_url).toMatch(new RegExp(`^${BASE}/media/[0-9a-f]+\\.jpg$`))
    expect(Number(body.thumbnail_width)).toBeLessThanOrEqual(640)
  })

  it('names the person as author and shows a photo they took as the thumbnail', async () => {
    const body = (await (await oembed('/people/shi-liang', '&maxwidth=320&maxheight=200')).json()) as Answer
    expect(body).toMatchObject({ title: '石亮', author_name: '石亮', width: 320, height: 200 })
    expect(body.html).toContain(`<broadsheet-cards src="${BASE}/feeds/people/shi-liang.json">`)
    expect(Number(body.thumbnail_width)).toBeLessThanOrEqual(320)
    // 石亮 took one photo of the seed; the gallery's newer items hold other photographers' photos.
    expect(body.html).toContain('alt="綦江城区的楼群与街道"')
  })

  it('shows the site logo for a writer who took no photo', async () => {
    const body = (await (await oembed('/people/liu-liuyin')).json()) as Answer
    expect(body).toMatchObject({ thumbnail_url: `${BASE}/icon-512.png`, thumbnail_width: 512 })
  })

  it('answers format=xml with the same fields', async () => {
    const json = (await (await oembed('/people/liu-liuyin')).json()) as Answer
    const res = await oembed('/people/liu-liuyin', '&format=xml')
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    const root = parseXml(await res.text())
    expect(Object.fromEntries(root.children.map((c) => [c.name, c.text]))).toEqual(
      Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)])),
    )
  })

  it.each([
    ['a topic nobody defined', '/topics/nope'],
    ['a person nobody defined', '/people/nobody'],
    ['the topic list', '/topics'],
    ['a path below a topic', '/topics/qijiang/more'],
    ['an id outside [a-z0-9-]', '/topics/Qijiang'],
  ])('answers 404 for %s', async (_, page) => {
    expect((await oembed(page)).status).toBe(404)
  })

  it('is discovered from the person page', async () => {
    const page = await (await request('/people/shi-liang')).text()
    expect(page).toContain(
      `<link rel="alternate" type="application/json+oembed" title="石亮" href="${BASE}/oembed?url=${encodeURIComponent(`${BASE}/people/shi-liang`)}&amp;format=json">`,
    )
  })
})
