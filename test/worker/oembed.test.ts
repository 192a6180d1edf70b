import { describe, expect, it } from 'vitest'
import { buildArticle } from '../fixtures/build-article.ts'
import { request, seedArticle } from './seed.ts'

const ARTICLE_URL = 'http://broadsheet.test/articles/qijiang-strategic-pivot'
const oembed = (query: string) => request(`/oembed?${query}`)

describe('GET /oembed', () => {
  it('answers oEmbed 1.0 rich JSON with the widget snippet', async () => {
    await seedArticle()
    const res = await oembed(`url=${encodeURIComponent(ARTICLE_URL)}&format=json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toEqual({
      version: '1.0',
      type: 'rich',
      title: '綦江：战略转身',
      author_name: '石亮',
      provider_name: 'Broadsheet',
      provider_url: 'http://broadsheet.test/',
      cache_age: 3600,
      width: 600,
      height: 480,
      html:
        '<script type="module" src="http://broadsheet.test/widget.js"></script>\n' +
        '<broadsheet-cards src="http://broadsheet.test/feeds/qijiang-strategic-pivot.json">' +
        '<a href="http://broadsheet.test/articles/qijiang-strategic-pivot">綦江：战略转身</a></broadsheet-cards>',
    })
  })

  it('escapes the title inside the snippet', async () => {
    await seedArticle(buildArticle({ title: '<img src=x onerror=alert(1)>&' }))
    const body: unknown = await (await oembed(`url=${encodeURIComponent(ARTICLE_URL)}`)).json()
    expect(body).toMatchObject({
      html: expect.stringContaining('>&lt;img src=x onerror=alert(1)&gt;&amp;</a>'),
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

  it('answers 501 for format=xml', async () => {
    await seedArticle()
    expect((await oembed(`url=${encodeURIComponent(ARTICLE_URL)}&format=xml`)).status).toBe(501)
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
