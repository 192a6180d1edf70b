/** content:check on front matter, structure and text: each kind of bad content gives its exact file:line and message. */
import { afterEach, describe, expect, it } from 'vitest'
import { at, edit, problemsAfter, removeTrees } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

describe('checkContent: front matter', () => {
  it.each([
    [
      'a missing required field',
      (a: string) => edit(a, 'title: 测试文章\n', ''),
      [at(7, 'missing field "title"; add "title: 一个主城都市区的重要战略支点" to the front matter')],
    ],
    [
      'an empty required field',
      (a: string) => edit(a, 'lang: zh-CN', 'lang:'),
      [at(4, '"lang" is empty; write it, e.g. "lang: zh-CN"')],
    ],
    [
      'an unknown key',
      (a: string) => edit(a, 'tags: 綦江, 测试', 'author: 刘柳吟'),
      [
        at(
          7,
          'unknown field "author"; use only slug, title, dek, lang, byline, published, canonical, tags, aliases, withdrawn',
        ),
      ],
    ],
    [
      'a key set twice',
      (a: string) => edit(a, 'tags: 綦江, 测试', 'title: 又一个标题'),
      [at(7, '"title" is set twice (first on line 3); keep one')],
    ],
    [
      'a slug that is not a-z, 0-9 and -',
      (a: string) => edit(a, 'slug: test-article', 'slug: Test_Article'),
      [
        at(
          2,
          'slug "Test_Article" is not 1-80 characters of a-z, 0-9 and inner hyphens; write e.g. qijiang-strategic-pivot',
        ),
      ],
    ],
    [
      'a slug that differs from the file name',
      (a: string) => edit(a, 'slug: test-article', 'slug: other-article'),
      [
        at(
          2,
          'slug "other-article" does not match the file name test-article.md; rename the file to other-article.md or fix the slug',
        ),
      ],
    ],
    [
      'the reserved slug "all"',
      (a: string) => edit(a, 'slug: test-article', 'slug: all'),
      [at(2, 'slug "all" is reserved for the feeds of every article (/feeds/all.rss); choose another slug')],
    ],
    [
      'a date without offset',
      (a: string) => edit(a, '08:00:00+08:00', '08:00:00'),
      [
        at(
          6,
          'published "2020-12-22T08:00:00" has no UTC offset; append the newsroom\'s offset, e.g. 2020-12-22T08:00:00+08:00',
        ),
      ],
    ],
    [
      'a date that does not exist',
      (a: string) => edit(a, '2020-12-22T08', '2021-02-29T08'),
      [
        at(
          6,
          'published "2021-02-29T08:00:00+08:00" is not a real date and time; correct it, e.g. 2020-12-22T08:00:00+08:00',
        ),
      ],
    ],
    [
      'a date in another shape',
      (a: string) => edit(a, '2020-12-22T08:00:00+08:00', '2020年12月22日'),
      [
        at(
          6,
          'published "2020年12月22日" is not an RFC 3339 date-time; write it as YYYY-MM-DDTHH:MM:SS+hh:mm, e.g. 2020-12-22T08:00:00+08:00',
        ),
      ],
    ],
    [
      'a javascript: canonical URL',
      (a: string) => edit(a, 'tags:', 'canonical: javascript:alert(1)\ntags:'),
      [at(7, 'canonical uses the "javascript:" scheme; only http or https URLs are allowed')],
    ],
    [
      'a relative canonical URL',
      (a: string) => edit(a, 'tags:', 'canonical: /news/1\ntags:'),
      [at(7, 'canonical "/news/1" is not an absolute URL; write it in full, starting with http or https://')],
    ],
    [
      'a byline without a known role',
      (a: string) => edit(a, 'byline: 文/记者 刘柳吟', 'byline: 刘柳吟'),
      [
        at(
          5,
          'byline "刘柳吟" does not start with a known role; write ROLE NAME with ROLE one of 摄影记者, 特约撰稿, 通讯员, 记者, staff, correspondent, photographer, contributor',
        ),
      ],
    ],
    [
      'an importer placeholder slug',
      (a: string) => edit(a, 'slug: test-article', 'slug: TODO-choose-an-ascii-slug'),
      [
        at(
          2,
          'slug "TODO-choose-an-ascii-slug" is the importer\'s placeholder; choose a stable ASCII slug such as qijiang-strategic-pivot (it is used in URLs forever) and name the file after it',
        ),
      ],
    ],
    [
      'a title over 200 characters',
      (a: string) => edit(a, 'title: 测试文章', `title: ${'长'.repeat(201)}`),
      [at(3, 'title is 201 characters long (at most 200); shorten it')],
    ],
    [
      'front matter that is never closed',
      (a: string) => edit(a, 'tags: 綦江, 测试\n---', 'tags: 綦江, 测试'),
      [
        at(1, 'the front matter is never closed; add a line "---" after the last field'),
        at(1, 'missing field "slug"; add "slug: qijiang-strategic-pivot" to the front matter'),
        at(1, 'missing field "title"; add "title: 一个主城都市区的重要战略支点" to the front matter'),
        at(1, 'missing field "lang"; add "lang: zh-CN" to the front matter'),
        at(1, 'missing field "byline"; add "byline: 文/记者 刘柳吟" to the front matter'),
        at(1, 'missing field "published"; add "published: 2020-12-22T08:00:00+08:00" to the front matter'),
        at(1, 'the article has no sections; add at least one "## Heading {#id}" with paragraphs'),
      ],
    ],
  ])('reports %s', async (_name, change, expected) => {
    expect(await problemsAfter(change)).toEqual(expected)
  })
})
