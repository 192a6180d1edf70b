/** content:check over whole trees: the shipped content passes, problems across files are all reported at once. */
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import { edit, goodArticle, goodTree, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

describe('checkContent on the shipped content/', () => {
  it('finds no problem and builds the seed article', async () => {
    const { problems, articles } = await checkContent('content')
    expect(problems).toEqual([])
    expect(articles.map((a) => a.slug)).toEqual(['qijiang-strategic-pivot'])
  })

  it('builds 3 sections with their ids, 3 attached photos and a gallery of 3 measured placeholders', async () => {
    const [seed] = (await checkContent('content')).articles
    expect(seed?.sections.map((s) => s.id)).toEqual(['wanqi-integration', 'opening-up', 'industrial-upgrade'])
    expect(seed?.sections.map((s) => s.photos.length)).toEqual([1, 1, 1])
    const photos = [...(seed?.sections.flatMap((s) => s.photos) ?? []), ...(seed?.photos ?? [])]
    expect(photos.map((p) => `${p.credit.role}:${p.credit.name}`)).toEqual([
      'staff:石亮',
      'staff:陈星宇',
      'staff:刘骏晓',
      'correspondent:罗胜',
      'staff:陈星宇',
      'correspondent:王大椿',
    ])
    for (const p of photos)
      expect(p.image).toMatchObject({ kind: 'file', type: 'image/jpeg', width: 1600, height: 1067 })
    expect(seed).toMatchObject({
      published: '2020-12-22T08:00:00+08:00',
      byline: { role: 'staff', name: '刘柳吟' },
    })
    expect(seed?.tags).toEqual(['綦江', '主城都市区', '綦万一体化'])
  })
})

describe('checkContent on a bad tree', () => {
  it('reports every problem of every file in one run, sorted by file and line, and builds only clean files', async () => {
    const broken = edit(edit(goodArticle(), 'lang: zh-CN', 'lang:'), '{#second}', '{#first}')
    const root = await writeTree({
      ...goodTree(),
      'articles/a-broken.md': edit(broken, 'slug: test-article', 'slug: a-broken'),
      'articles/z-broken.md': edit(goodArticle(), 'slug: test-article', 'slug: z-broken').replace(
        'media/a.png',
        'media/nope.png',
      ),
    })
    const { problems, articles } = await checkContent(root)
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'content/articles/a-broken.md:4: "lang" is empty; write it, e.g. "lang: zh-CN"',
      'content/articles/a-broken.md:22: section id "first" is already used on line 12; give each section its own id',
      'content/articles/z-broken.md:14: image file media/nope.png does not exist; add it under the content folder or fix the path',
    ])
    expect(articles.map((a) => a.file)).toEqual(['articles/test-article.md'])
  })

  it('reports a slug claimed by two files on the file not named after it', async () => {
    const root = await writeTree({ ...goodTree(), 'articles/copy.md': goodArticle() })
    const { problems } = await checkContent(root)
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'content/articles/copy.md:2: slug "test-article" does not match the file name copy.md; rename the file to test-article.md or fix the slug',
      'content/articles/copy.md:2: slug "test-article" is already used by articles/test-article.md; choose another slug',
    ])
  })

  it('reports a root without an articles folder', async () => {
    const { problems } = await checkContent('test/.tmp/no-such-content-root')
    expect(problems).toEqual([
      {
        file: 'articles',
        line: 1,
        message:
          'no folder test/.tmp/no-such-content-root/articles; create it and put one <slug>.md per article in it',
      },
    ])
  })
})

describe('formatProblem', () => {
  it('prints content/FILE:LINE: message, with the root shown as given', () => {
    const p = { file: 'articles/x.md', line: 12, message: 'what; how' }
    expect(formatProblem(p)).toBe('content/articles/x.md:12: what; how')
    expect(formatProblem(p, 'test/fixtures/content/')).toBe(
      'test/fixtures/content/articles/x.md:12: what; how',
    )
  })
})
