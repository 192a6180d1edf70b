import { describe, expect, it } from 'vitest'
import { buildArticle, buildPhoto, buildSection } from '../fixtures/build-article.ts'
import { type HtmlToken, startTags, textOf, tokenize } from './html-tokens.ts'
import { request, seedArticle } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'
const BASE = 'http://broadsheet.test'

async function page(path: string): Promise<{ res: Response; tokens: HtmlToken[] }> {
  const res = await request(path)
  return { res, tokens: tokenize(await res.text()) }
}

/** Every `<meta property|name=key>` content, in order. */
function metas(tokens: HtmlToken[], key: string): string[] {
  return [...startTags(tokens, 'meta', ['property', key]), ...startTags(tokens, 'meta', ['name', key])].map(
    (t) => t.attrs.content ?? '',
  )
}

const gallery = [
  buildPhoto({
    src: '/media/aa.png',
    type: 'image/png',
    alt: '厂区',
    caption: '高新区一角。',
    renditions: [],
  }),
  buildPhoto({ src: '/media/bb.svg', type: 'image/svg+xml', caption: '綦城云海。', renditions: [] }),
]

describe('GET /articles/:slug link previews', () => {
  it('has Open Graph article tags: title without the site name, the large JPEG rendition with size and alt', async () => {
    await seedArticle()
    const { tokens } = await page(`/articles/${SLUG}`)
    expect(metas(tokens, 'og:type')).toEqual(['article'])
    expect(metas(tokens, 'og:site_name')).toEqual(['Broadsheet'])
    expect(metas(tokens, 'og:title')).toEqual(['綦江：战略转身'])
    expect(metas(tokens, 'og:url')).toEqual([`${BASE}/articles/${SLUG}`])
    expect(metas(tokens, 'og:image')).toEqual([`${BASE}/media/3f2a9c1b.jpg`])
    expect(metas(tokens, 'og:image:width')).toEqual(['1200'])
    expect(metas(tokens, 'og:image:height')).toEqual(['800'])
    expect(metas(tokens, 'og:image:alt')).toEqual(['綦江齿轮厂装配车间'])
    expect(metas(tokens, 'article:published_time')).toEqual(['2020-12-22T08:00:00+08:00'])
    expect(metas(tokens, 'article:modified_time')).toEqual(['2020-12-22T10:15:00+08:00'])
    expect(metas(tokens, 'article:author')).toEqual(['石亮'])
    expect(metas(tokens, 'article:tag')).toEqual(['綦江', '区县'])
    expect(metas(tokens, 'twitter:card')).toEqual(['summary_large_image'])
    expect(metas(tokens, 'twitter:image')).toEqual([`${BASE}/media/3f2a9c1b.jpg`])
  })

  it('never offers an SVG as the preview image: the site logo (PNG) stands in', async () => {
    const svg = buildPhoto({ src: '/media/cc.svg', type: 'image/svg+xml', renditions: [] })
    await seedArticle(buildArticle({ sections: [buildSection({ photos: [svg] })] }))
    const { tokens } = await page(`/articles/${SLUG}`)
    expect(metas(tokens, 'og:image')).toEqual([`${BASE}/icon-512.png`])
    expect(metas(tokens, 'og:image:type')).toEqual(['image/png'])
    expect(metas(tokens, 'og:image:alt')).toEqual(['Broadsheet'])
  })

  it('anchors the gallery as #photos, beside the section anchors old feed links use', async () => {
    await seedArticle(buildArticle({ photos: gallery }))
    const { tokens } = await page(`/articles/${SLUG}`)
    expect(startTags(tokens, 'section').map((s) => s.attrs.id)).toEqual([
      'wanqi-integration',
      'gear-industry',
      'photos',
    ])
  })
})

describe('GET /articles/:slug/:section', () => {
  it('shows the first section opened by the lede, with the article as canonical and its own preview', async () => {
    await seedArticle()
    const { res, tokens } = await page(`/articles/${SLUG}/wanqi-integration`)
    expect(res.status).toBe(200)
    expect(textOf(tokens, 'h1')).toBe('万綦一体化提速')
    const texts = tokens.flatMap((t) => (t.kind === 'text' ? [t.text] : []))
    expect(texts).toContain('綦江正在经历一场深刻的战略转身。')
    expect(startTags(tokens, 'link', ['rel', 'canonical'])[0]?.attrs.href).toBe(`${BASE}/articles/${SLUG}`)
    expect(metas(tokens, 'og:title')).toEqual(['万綦一体化提速'])
    expect(metas(tokens, 'og:url')).toEqual([`${BASE}/articles/${SLUG}/wanqi-integration`])
    expect(metas(tokens, 'og:description')).toEqual(['綦江正在经历一场深刻的战略转身。'])
    expect(startTags(tokens, 'a', ['href', `${BASE}/articles/${SLUG}#wanqi-integration`])).toHaveLength(1)
  })

  it('shows the gallery at /photos with every caption and credit, previewed by its first raster photo', async () => {
    await seedArticle(buildArticle({ photos: gallery }))
    const { res, tokens } = await page(`/articles/${SLUG}/photos`)
    expect(res.status).toBe(200)
    expect(textOf(tokens, 'h1')).toBe('图集')
    expect(startTags(tokens, 'figure')).toHaveLength(2)
    expect(metas(tokens, 'og:image')).toEqual([`${BASE}/media/aa.png`])
  })

  it('is 404 for a section the article does not have, and for a gallery it does not have', async () => {
    await seedArticle()
    expect((await request(`/articles/${SLUG}/no-such-section`)).status).toBe(404)
    expect((await request(`/articles/${SLUG}/photos`)).status).toBe(404)
    expect((await request(`/articles/${SLUG}/Bad..Id`)).status).toBe(404)
    expect((await request('/articles/nope/wanqi-integration')).status).toBe(404)
  })

  it('answers HEAD and refuses other methods like every page', async () => {
    await seedArticle()
    expect((await request(`/articles/${SLUG}/gear-industry`, { method: 'HEAD' })).status).toBe(200)
    expect((await request(`/articles/${SLUG}/gear-industry`, { method: 'POST' })).status).toBe(405)
  })
})
