/** content:check for what publishing at scale needs: dates in range, containment, aliases and withdrawals. */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import {
  edit,
  goodArticle,
  goodTree,
  PNG_1X1,
  problemsAfter,
  removeTrees,
  writeTree,
} from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

describe('content:check dates', () => {
  it.each([
    ['9999-12-31T23:59:59+00:00', '9999'],
    ['1989-12-31T23:59:59+08:00', '1989'],
    ['2100-01-01T00:00:00+08:00', '2100'],
  ])('rejects published %s with file:line: outside 1990..2099', async (value) => {
    const problems = await problemsAfter((a) =>
      edit(a, 'published: 2020-12-22T08:00:00+08:00', `published: ${value}`),
    )
    expect(problems).toEqual([
      `content/articles/test-article.md:6: published "${value}" is outside 1990..2099; correct the year, e.g. 2020-12-22T08:00:00+08:00`,
    ])
  })

  it('rejects a section time outside the range too', async () => {
    const problems = await problemsAfter((a) =>
      edit(a, '{#first}', '{#first updated=9999-12-31T23:59:59+00:00}'),
    )
    expect(problems[0]).toMatch(
      /^content\/articles\/test-article\.md:12: updated "9999-12-31T23:59:59\+00:00" is outside/,
    )
  })
})

describe('content:check containment', () => {
  it('rejects an image that is a link leaving the content folder, at the photo line', async () => {
    const outside = path.join(tmpdir(), `broadsheet-outside-${process.pid}.png`)
    await writeFile(outside, PNG_1X1)
    const { 'media/a.png': _image, ...rest } = goodTree()
    const root = await writeTree(rest)
    await mkdir(path.join(root, 'media'), { recursive: true })
    await symlink(outside, path.join(root, 'media', 'a.png'))
    const { problems, articles } = await checkContent(root)
    expect(problems.map((p) => formatProblem(p))).toEqual([
      `content/articles/test-article.md:14: media/a.png is a link to ${outside}, outside the content folder; copy the image itself into the content folder instead of linking it`,
    ])
    expect(articles).toEqual([])
  })

  it('rejects an article file that is a link leaving the content folder', async () => {
    const outside = path.join(tmpdir(), `broadsheet-outside-${process.pid}.md`)
    await writeFile(outside, goodArticle())
    const root = await writeTree({ 'media/a.png': PNG_1X1 })
    await symlink(outside, path.join(root, 'articles', 'test-article.md'))
    const { problems } = await checkContent(root)
    expect(problems.map((p) => formatProblem(p))).toEqual([
      `content/articles/test-article.md:1: this file is a link to ${outside}, outside the content folder; replace the link with the file itself`,
    ])
  })

  it('accepts a link that stays inside the content folder', async () => {
    const root = await writeTree(goodTree())
    await writeFile(path.join(root, 'media', 'real.png'), PNG_1X1)
    const tree = edit(goodArticle(), 'media/a.png', 'media/linked.png')
    await writeFile(path.join(root, 'articles', 'test-article.md'), tree)
    await symlink(path.join(root, 'media', 'real.png'), path.join(root, 'media', 'linked.png'))
    expect((await checkContent(root)).problems).toEqual([])
  })
})

describe('content:check aliases and withdrawals', () => {
  it('reads aliases and a withdrawal into the draft', async () => {
    const root = await writeTree({
      ...goodTree(),
      'articles/test-article.md': edit(
        goodArticle(),
        'tags: 綦江, 测试',
        'tags: 綦江, 测试\naliases: old-name, older-name\nwithdrawn: 2026-11-27T10:00:00+08:00 应当事人要求撤稿',
      ),
    })
    const { articles, problems } = await checkContent(root)
    expect(problems).toEqual([])
    expect(articles[0]?.aliases).toEqual(['old-name', 'older-name'])
    expect(articles[0]?.withdrawn).toEqual({ at: '2026-11-27T10:00:00+08:00', reason: '应当事人要求撤稿' })
  })

  it('reports a withdrawal without a reason and an alias that is not a slug', async () => {
    const problems = await problemsAfter((a) =>
      edit(
        a,
        'tags: 綦江, 测试',
        'tags: 綦江, 测试\naliases: Old Name\nwithdrawn: 2026-11-27T10:00:00+08:00',
      ),
    )
    expect(problems).toEqual([
      'content/articles/test-article.md:8: alias "Old Name" is not a slug of a-z, 0-9 and inner hyphens; fix it',
      'content/articles/test-article.md:9: "withdrawn" needs a time and a reason; write e.g. "withdrawn: 2026-11-27T10:00:00+08:00 应当事人要求撤稿"',
    ])
  })

  it('reads former section ids from was=', async () => {
    const root = await writeTree({
      ...goodTree(),
      'articles/test-article.md': edit(goodArticle(), '{#second}', '{#second was=old-second}'),
    })
    const { articles } = await checkContent(root)
    expect(articles[0]?.sections[1]?.was).toEqual(['old-second'])
  })
})
