import { describe, expect, it } from 'vitest'
import { buildArticle, buildSection } from '../fixtures/build-article.ts'
import { parseXml } from '../helpers/parse-xml.ts'
import { request, seedArticle } from './seed.ts'

const ARTICLE_URL = 'http://broadsheet.test/articles/qijiang-strategic-pivot'
const oembed = (query: string) => request(`/oembed?${query}`)

describe('GET /oembed', () => {
  it('answers oEmbed 1.0 rich JSON with a thumbnail and the widget snippet around a linked card', async () => {
    await seedArticle()
    const res = await oembed(`url=${encodeURIComponent(ARTICLE_URL)}&format=json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const card =
      `<blockquote cite="${ARTICLE_URL}"><p><a href="${ARTICLE_URL}">` +
      '<img src="http://broadsheet.test/media/3f2a9c1b660.jpg" width="660" height="440" alt="綦江齿轮厂装配车间" loading="lazy"></a></p>' +
      `<p><a href="${ARTICLE_URL}"><strong>綦江：战略转身</strong></a></p><p>从老工业基地到渝南黔北中心城市</p>` +
      '<p>— <a href="http://broadsheet.test/">Broadsheet</a></p></blockquote>'
    expect(await res.json()).toEqual({
      version: '1.0',
      type: 'rich',
      title: '綦江：战略转身',
      author_name: '石亮',
      provider_name: 'Broadsheet',
      provider_url: 'http://broadsheet.test/',
      cache_age: 3600,
      thumbnail_url: 'http://broadsheet.test/media/3f2a9c1b660.jpg',
      thumbnail_width: 660,
      thumbnail_height: 440,
      width: 600,
      height: 480,
      html:
        '<script type="module" src="http://broadsheet.test/widget.js"></script>\n' +
        `<broadsheet-cards src="http://broadsheet.test/feeds/qijiang-strategic-pivot.json">${card}</broadsheet-cards>`,
    })
  })

  it('still shows a linked card with the thumbnail, title and dek when a consumer strips scripts', async () => {
    await seedArticle()
    const { html } = (await (await oembed(`url=${encodeURIComponent(ARTICLE_URL)}`)).json()) as {
      html: string
    }
    const stripped = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    expect(stripped).not.toContain('<script')
    expect(stripped).toMatch(
      /<a href="http:\/\/broadsheet\.test\/articles\/qijiang-strategic-pivot"><img src="[^"]+\.jpg"/,
    )
    expect(stripped).toContain('<strong>綦江：战略转身</strong>')
    expect(stripped).toContain('从老工业基地到渝南黔北中心城市')
  })

  it('offers the site logo as thumbnail when the article has no raster photo', async () => {
    await seedArticle(buildArticle({ sections: [buildSection({ photos: [] })] }))
    const body = (await (await oembed(`url=${encodeURIComponent(ARTICLE_URL)}`)).json()) as Record<
      string,
      unknown
    >
    expect(body).toMatchObject({
      thumbnail_url: 'http://broadsheet.test/icon-512.png',
      thumbnail_width: 512,
      thumbnail_height: 512,
    })
  })

  it('escapes the title inside the snippet', async () => {
    await seedArticle(buildArticle({ title: '<img src=x onerror=alert(1)>&' }))
    const body: unknown = await (await oembed(`url=${encodeURIComponent(ARTICLE_URL)}`)).json()
    expect(body).toMatchObject({
      html: expect.stringContaining('<strong>&lt;img src=x onerror=alert(1)&gt;&amp;</strong>'),
    })
  })

  it('honours maxwidth and maxheight by shrinking, never growing', async () => {
    await seedArticle()
    const body: unknown = await (
      await oembed(`url=${encodeURIComponent(ARTICLE_URL)}&maxwidth=320&maxheight=9999`)
    ).json()
    expect(body).toMatchObject({ width: 320, height: 480 })
  })

  it('accepts a section anchor in the URL', async () => {
    await seedArticle()
    expect((await oembed(`url=${encodeURIComponent(`${ARTICLE_URL}#gear-industry`)}`)).status).toBe(200)
  })

  it('embeds one section for a section URL: its heading, its own card and the widget limited to it', async () => {
    await seedArticle()
    const section = `${ARTICLE_URL}/wanqi-integration`
    const body = (await (await oembed(`url=${encodeURIComponent(section)}`)).json()) as Record<string, string>
    expect(body.title).toBe('万綦一体化提速')
    expect(body.thumbnail_url).toBe('http://broadsheet.test/media/3f2a9c1b660.jpg')
    expect(body.html).toContain(
      '<broadsheet-cards src="http://broadsheet.test/feeds/qijiang-strategic-pivot.json" section="wanqi-integration">',
    )
    expect(body.html).toContain(
      `<p><a href="${section}"><strong>万綦一体化提速</strong></a></p><p>綦江：战略转身</p>`,
    )
  })

  it('offers the article photo as thumbnail for a section without one, and 404 for a section it lacks', async () => {
    await seedArticle()
    const photoless = (await (
      await oembed(`url=${encodeURIComponent(`${ARTICLE_URL}/gear-industry`)}`)
    ).json()) as Record<string, string>
    expect(photoless).toMatchObject({
      title: '齿轮产业集群',
      thumbnail_url: 'http://broadsheet.test/media/3f2a9c1b660.jpg',
    })
    expect((await oembed(`url=${encodeURIComponent(`${ARTICLE_URL}/no-such-section`)}`)).status).toBe(404)
    expect((await oembed(`url=${encodeURIComponent(`${ARTICLE_URL}/a/b`)}`)).status).toBe(404)
  })

  it('is discovered from the section page itself', async () => {
    await seedArticle()
    const page = await (await request('/articles/qijiang-strategic-pivot/gear-industry')).text()
    expect(page).toContain(
      `href="http://broadsheet.test/oembed?url=${encodeURIComponent(`${ARTICLE_URL}/gear-industry`)}&amp;format=json"`,
    )
  })

  it('answers format=xml with the same fields as XML elements, the snippet escaped as text', async () => {
    await seedArticle()
    const json = (await (await oembed(`url=${encodeURIComponent(ARTICLE_URL)}`)).json()) as Record<
      string,
      unknown
    >
    const res = await oembed(`url=${encodeURIComponent(ARTICLE_URL)}&format=xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    const xml = await res.text()
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8" standalone="yes"\?>\n<oembed>\n {2}<version>1.0<\/version>/,
    )
    const root = parseXml(xml)
    expect(root.name).toBe('oembed')
    expect(Object.fromEntries(root.children.map((c) => [c.name, c.text]))).toEqual(
      Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)])),
    )
    expect(xml).toContain('<html>&lt;script type=&quot;module&quot;')
  })

  it.each([
    ['an unknown article', `url=${encodeURIComponent('http://broadsheet.test/articles/nope')}`, 404],
    [
      'another site',
      `url=${encodeURIComponent('https://evil.example/articles/qijiang-strategic-pivot')}`,
      404,
    ],
    ['a non-article path', `url=${encodeURIComponent('http://broadsheet.test/feeds/all.rss')}`, 404],
    ['an unparsable url', 'url=%%%', 404],
    ['no url', 'format=json', 400],
    ['an unknown format', `url=${encodeURIComponent(ARTICLE_URL)}&format=yaml`, 501],
  ])('rejects %s', async (_, query, status) => {
    await seedArticle()
    expect((await oembed(query)).status).toBe(status)
  })
})
