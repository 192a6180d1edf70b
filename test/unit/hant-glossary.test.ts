/** The newsroom glossary's parser and content:check's zh-TW review notes. */
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent } from '../../editor/content/check-content.ts'
import { parseGlossary } from '../../editor/hant/parse-glossary.ts'
import { goodArticle, goodTree, removeTrees, writeTree } from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

describe('parseGlossary', () => {
  it('reads entries with their kind and line, skipping comments and blank lines', () => {
    const { entries, problems } = parseGlossary('# names\n\n[people]\n刘柳吟 = 劉柳吟\n[places]\n万盛=萬盛\n')
    expect(problems).toEqual([])
    expect(entries).toEqual([
      { simplified: '刘柳吟', traditional: '劉柳吟', kind: 'people', line: 4 },
      { simplified: '万盛', traditional: '萬盛', kind: 'places', line: 6 },
    ])
  })

  it('reports every bad line with what is wrong and how to fix it', () => {
    const text = [
      '万盛 = 萬盛',
      '[persons]',
      '[people]',
      '刘柳吟',
      '石亮 =',
      '陈 星宇 = 陳星宇',
      '石亮 = 石亮',
      '石亮 = 石亮',
    ]
    expect(parseGlossary(text.join('\n')).problems).toEqual([
      {
        line: 1,
        message:
          'entry "万盛" comes before any section; put it under [people], [places], [organisations] or [phrases]',
      },
      {
        line: 2,
        message: 'unknown section [persons]; use one of [people], [places], [organisations], [phrases]',
      },
      { line: 4, message: '"刘柳吟" has no "="; write the entry as 简体 = 繁體' },
      { line: 5, message: 'an entry needs a term on both sides of "="; write it as 简体 = 繁體' },
      {
        line: 6,
        message:
          '"陈 星宇 = 陳星宇" is not one term on each side; write one entry a line, without spaces inside a term',
      },
      {
        line: 8,
        message: '"石亮" is already in the glossary on line 7; keep one entry and delete the other',
      },
    ])
  })
})

describe('content:check and the glossary', () => {
  it('reports a broken glossary as content/glossary.txt:LINE problems', async () => {
    const root = await writeTree({ ...goodTree(), 'glossary.txt': '[people]\n刘柳吟\n' })
    const { problems } = await checkContent(root)
    expect(problems).toEqual([
      { file: 'glossary.txt', line: 2, message: '"刘柳吟" has no "="; write the entry as 简体 = 繁體' },
    ])
  })

  it('lists per article the glossary terms converted and the ambiguous characters OpenCC decided', async () => {
    const article = goodArticle().replace('第二节的段落。', '这台机器被发明以后，头发干了。')
    const root = await writeTree({
      ...goodTree(),
      'articles/test-article.md': article,
      'glossary.txt': '[people]\n刘柳吟 = 劉柳吟\n[phrases]\n被发明 = 被發明\n',
    })
    const { notes, problems } = await checkContent(root)
    expect(problems).toEqual([])
    // 头发干了 (the hair dried) should read 乾; OpenCC writes 幹: exactly what the note puts before the desk.
    const line = article.split('\n').indexOf('这台机器被发明以后，头发干了。') + 1
    expect(notes.map((n) => `${n.file}:${n.line}: ${n.message}`)).toEqual([
      'articles/test-article.md:5: glossary: 刘柳吟 → 劉柳吟 (people, glossary.txt:2)',
      `articles/test-article.md:${line}: glossary: 被发明 → 被發明 (phrases, glossary.txt:4)`,
      `articles/test-article.md:${line}: review 台 (臺/台/颱/檯): 臺 in 这台机; where a reading is wrong, add the term to glossary.txt`,
      `articles/test-article.md:${line}: review 后 (後/后): 後 in 以后; where a reading is wrong, add the term to glossary.txt`,
      `articles/test-article.md:${line}: review 发 (發/髮): 髮 in 头发干; where a reading is wrong, add the term to glossary.txt`,
      `articles/test-article.md:${line}: review 干 (幹/乾/干): 幹 in 发干了; where a reading is wrong, add the term to glossary.txt`,
    ])
  })
})
