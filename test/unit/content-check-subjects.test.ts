/**
 * content:check on tags and credits against content/topics.md and content/people.md: an unknown name says the
 * nearest known one, a name two people share says how to pick one, each at its file:line.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import {
  at,
  edit,
  goodArticle,
  goodPeople,
  goodTopics,
  goodTree,
  removeTrees,
  writeTree,
} from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

/** The printed problems of the good tree with `files` replaced (null: left out). */
async function problemsOf(files: Record<string, string | null>): Promise<string[]> {
  const { problems } = await checkContent(await writeTree({ ...goodTree(), ...files }))
  return problems.map((p) => formatProblem(p))
}

const article = (from: string, to: string) => ({ 'articles/test-article.md': edit(goodArticle(), from, to) })
/** A second person named 石亮 (people.md lines 13–15). */
const twoShiLiang = { 'people.md': `${goodPeople()}\n::: person shi-liang-2\nname: 石亮\n:::\n` }
const addTopic = (block: string) =>
  `"::: topic ID", "name: ${block}", ":::" to content/topics.md (ID: a-z, 0-9 and -, kept forever)`
const addPerson = (name: string) =>
  `"::: person ID", "name: ${name}", ":::" to content/people.md (ID: a-z, 0-9 and -, kept forever, e.g. the name in pinyin)`

describe('checkContent: tags and credits', () => {
  it('accepts the good tree', async () => {
    expect(await problemsOf({})).toEqual([])
  })

  it('reports an unknown tag at its line with the nearest topic, and how to add one', async () => {
    expect(await problemsOf(article('tags: 綦江, 测试', 'tags: 綦江, 测验'))).toEqual([
      at(
        7,
        `tag "测验" is not in content/topics.md; did you mean "测试"?; write a known name, or add ${addTopic('测验')}`,
      ),
    ])
  })

  it('suggests nothing when no topic is close', async () => {
    expect(await problemsOf(article('tags: 綦江, 测试', 'tags: 綦江, 完全不同的话题'))).toEqual([
      at(
        7,
        `tag "完全不同的话题" is not in content/topics.md; write a known name, or add ${addTopic('完全不同的话题')}`,
      ),
    ])
  })

  it('reports an unknown writer in the byline and an unknown photographer in a credit, each with the nearest person', async () => {
    expect(
      await problemsOf({
        'articles/test-article.md': edit(
          edit(goodArticle(), 'byline: 文/记者 刘柳吟', 'byline: 文/记者 刘柳银'),
          'credit: 记者 石亮',
          'credit: 记者 石明',
        ),
      }),
    ).toEqual([
      at(
        5,
        `byline: person "刘柳银" is not in content/people.md; did you mean "刘柳吟" (liu-liuyin)?; write a known name, or add ${addPerson('刘柳银')}`,
      ),
      at(
        17,
        `credit: person "石明" is not in content/people.md; did you mean "石亮" (shi-liang)?; write a known name, or add ${addPerson('石明')}`,
      ),
    ])
  })

  it('reports a topic name given to two topics in the topics file, at the second', async () => {
    expect(
      await problemsOf({ 'topics.md': `${goodTopics()}\n::: topic qijiang-2\nname: 綦江\n:::\n` }),
    ).toEqual([
      'content/topics.md:12: the name "綦江" is ambiguous: topic "qijiang" (line 3) has it too; a tag must name one topic, so remove it from one of them',
    ])
  })

  it('lets two people share a name: an article that names one without an id is told how to say which', async () => {
    expect(await problemsOf(twoShiLiang)).toEqual([
      at(
        17,
        'credit: "石亮" is ambiguous: 2 people in content/people.md have this name (shi-liang, shi-liang-2); say which with 石亮 {#shi-liang}',
      ),
    ])
    expect(
      await problemsOf({
        ...twoShiLiang,
        ...article('credit: 记者 石亮', 'credit: 记者 石亮 {#shi-liang-2}'),
      }),
    ).toEqual([])
  })

  it('reports an id that is not in the people file with the nearest id, and a name that is not that id', async () => {
    expect(await problemsOf(article('credit: 记者 石亮', 'credit: 记者 石亮 {#shi-lian}'))).toEqual([
      at(
        17,
        'credit: person id "shi-lian" is not in content/people.md (did you mean "shi-liang"?); write an id defined there',
      ),
    ])
    expect(await problemsOf(article('credit: 记者 石亮', 'credit: 记者 石亮 {#luo-sheng}'))).toEqual([
      at(
        17,
        'credit: {#luo-sheng} is 罗胜 in content/people.md, not 石亮; fix the name or the id (or add "also: 石亮" to its block)',
      ),
    ])
  })
})
