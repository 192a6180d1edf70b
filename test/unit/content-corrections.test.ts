/** Correction blocks in content files: where they belong, what content:check rejects, what the draft carries. */
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import { edit, goodArticle, PNG_1X1, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

const NOTE =
  '::: correction 2020-12-23T10:00:00+08:00\n此前版本误将记者姓名写作刘柳银，\n应为刘柳吟。\n:::\n\n'
const check = async (article: string) => {
  const { articles, problems } = await checkContent(
    await writeTree({ 'articles/test-article.md': article, 'media/a.png': PNG_1X1 }),
  )
  return { draft: articles[0], problems: problems.map((p) => formatProblem(p)) }
}

describe('::: correction blocks', () => {
  it('puts a note in a section on that section and one before the sections on the article, lines joined', async () => {
    const article = edit(
      edit(goodArticle(), '第一节的段落。\n', `第一节的段落。\n\n${NOTE}`),
      '导语段落。\n',
      `导语段落。\n\n${NOTE.replace('2020-12-23', '2020-12-22')}`,
    )
    const { draft, problems } = await check(article)
    expect(problems).toEqual([])
    expect(draft?.corrections).toEqual([
      { date: '2020-12-22T10:00:00+08:00', text: '此前版本误将记者姓名写作刘柳银，应为刘柳吟。' },
    ])
    expect(draft?.sections[0]?.corrections).toEqual([
      { date: '2020-12-23T10:00:00+08:00', text: '此前版本误将记者姓名写作刘柳银，应为刘柳吟。' },
    ])
    expect(draft?.sections[0]?.paragraphs).toEqual(['第一节的段落。'])
    expect(draft?.sections[1]?.corrections).toBeUndefined()
  })

  it.each([
    [
      'without a date',
      (a: string) => edit(a, '第二节的段落。\n', '第二节的段落。\n\n::: correction\n更正。\n:::\n'),
      'content/articles/test-article.md:26: the correction has no date; write "::: correction 2026-11-27T10:00:00+08:00"',
    ],
    [
      'with a date without offset',
      (a: string) =>
        edit(a, '第二节的段落。\n', '第二节的段落。\n\n::: correction 2020-12-23T10:00:00\n更正。\n:::\n'),
      'content/articles/test-article.md:26: the correction date "2020-12-23T10:00:00" has no UTC offset; append the newsroom\'s offset, e.g. 2020-12-22T08:00:00+08:00',
    ],
    [
      'empty',
      (a: string) =>
        edit(a, '第二节的段落。\n', '第二节的段落。\n\n::: correction 2020-12-23T10:00:00+08:00\n:::\n'),
      'content/articles/test-article.md:26: the correction is empty; write what was wrong and what is right',
    ],
    [
      'never closed',
      (a: string) =>
        edit(a, '第二节的段落。\n', '第二节的段落。\n\n::: correction 2020-12-23T10:00:00+08:00\n更正。\n'),
      'content/articles/test-article.md:26: the correction block is never closed; end it with a line ":::"',
    ],
    [
      'under # Photos',
      (a: string) =>
        edit(a, '# Photos\n', '# Photos\n\n::: correction 2020-12-23T10:00:00+08:00\n更正。\n:::\n'),
      'content/articles/test-article.md:28: a correction under "# Photos"; move it into the section it corrects, or above the first section',
    ],
    [
      'with markup',
      (a: string) =>
        edit(
          a,
          '第二节的段落。\n',
          '第二节的段落。\n\n::: correction 2020-12-23T10:00:00+08:00\n<b>更正</b>。\n:::\n',
        ),
      'content/articles/test-article.md:26: the correction is plain text; remove the markup "<b>" (for a less-than sign write "< " with a space)',
    ],
  ])('rejects a correction %s with its line and the fix', async (_, change, message) => {
    const { problems } = await check(change(goodArticle()))
    expect(problems).toEqual([message])
  })
})
