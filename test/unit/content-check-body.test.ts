/** content:check on sections, paragraphs, photo blocks and raw text: exact file:line and message per mistake. */
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from '../../editor/content/check-content.ts'
import {
  at,
  edit,
  goodArticle,
  goodTree,
  problemsAfter,
  removeTrees,
  writeTree,
} from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

describe('checkContent: sections and photos', () => {
  it.each([
    [
      'a duplicate section id',
      (a: string) => edit(a, '{#second}', '{#first}'),
      [at(22, 'section id "first" is already used on line 12; give each section its own id')],
    ],
    [
      'a bad section id',
      (a: string) => edit(a, '{#second}', '{#Second_Part}'),
      [
        at(
          22,
          'section id "Second_Part" is not 1-80 characters of a-z, 0-9 and inner hyphens; write e.g. {#opening-up}',
        ),
      ],
    ],
    [
      "the gallery's reserved id on a section",
      (a: string) => edit(a, '{#second}', '{#photos}'),
      [
        at(
          22,
          'section id "photos" is reserved for the article\'s gallery (its feed item and page); choose another id',
        ),
      ],
    ],
    [
      'a heading without id',
      (a: string) => edit(a, '## 第二节 {#second}', '## 第二节'),
      [at(22, 'the section heading has no id; end it with {#an-id}, e.g. "## 标题 {#opening-up}"')],
    ],
    [
      'a bad updated attribute',
      (a: string) => edit(a, '{#second}', '{#second updated=2026-11-24T10:00:00}'),
      [
        at(
          22,
          'updated "2026-11-24T10:00:00" has no UTC offset; append the newsroom\'s offset, e.g. 2020-12-22T08:00:00+08:00',
        ),
      ],
    ],
    [
      'an unknown heading attribute',
      (a: string) => edit(a, '{#second}', '{#second author=x}'),
      [
        at(
          22,
          'unknown heading attribute "author=x"; only updated=<RFC 3339 time> and was=<former id> are allowed',
        ),
      ],
    ],
    [
      'an empty section',
      (a: string) => edit(a, '第二节的段落。\n', ''),
      [at(22, 'the section is empty; write its paragraphs below the heading, or delete it')],
    ],
    [
      'an article without sections',
      (a: string) => a.slice(0, a.indexOf('## 第一节')),
      [at(8, 'the article has no sections; add at least one "## Heading {#id}" with paragraphs')],
    ],
    [
      'a photo missing its credit',
      (a: string) => edit(a, 'credit: 记者 石亮\n', ''),
      [at(14, 'the photo has no credit; add a line "credit: …" to the block')],
    ],
    [
      'an unknown photo field',
      (a: string) => edit(a, 'alt: 一张图', 'alt: 一张图\nlink: x'),
      [at(16, 'unknown photo field "link"; use only alt, caption, credit, size, type')],
    ],
    [
      'a photo block never closed',
      (a: string) => edit(a, 'credit: 记者 石亮\n:::', 'credit: 记者 石亮'),
      [at(14, 'the photo block is never closed; add a line ":::" right after its fields')],
    ],
    [
      'a photo before the first section',
      (a: string) =>
        edit(a, '导语段落。', '::: photo media/a.png\nalt: a\ncaption: c\ncredit: 记者 石亮\n:::'),
      [at(10, 'a photo before the first section; move it into a section or under "# Photos"')],
    ],
    [
      'text after # Photos',
      (a: string) => `${a}\n图库后的文字。\n`,
      [at(36, 'only photo blocks may follow "# Photos"; move this text into a section above')],
    ],
    [
      'a section after # Photos',
      (a: string) => `${a}\n## 第三节 {#third}\n\n段落。\n`,
      [
        at(36, 'a section after "# Photos"; move it above "# Photos"'),
        at(38, 'only photo blocks may follow "# Photos"; move this text into a section above'),
      ],
    ],
    [
      'a data: photo URL',
      (a: string) => edit(a, 'https://images.example.com/b.jpg', 'data:image/png;base64,AAAA'),
      [at(28, 'the photo URL uses the "data:" scheme; only https URLs are allowed')],
    ],
    [
      'an http photo URL',
      (a: string) => edit(a, 'https://images.example.com/b.jpg', 'http://images.example.com/b.jpg'),
      [at(28, 'the photo URL uses the "http:" scheme; only https URLs are allowed')],
    ],
    [
      'a URL photo without size',
      (a: string) => edit(a, 'size: 1200x800\n', ''),
      [at(28, 'a photo from a URL needs "size" (it cannot be measured here); add "size: 1200x800"')],
    ],
    [
      'a URL photo with a type not allowed',
      (a: string) => edit(a, 'type: image/jpeg', 'type: text/html'),
      [
        at(
          33,
          'type "text/html" is not allowed; use one of image/jpeg, image/png, image/gif, image/webp, image/avif, image/svg+xml',
        ),
      ],
    ],
    [
      'a caption over 1,000 characters',
      (a: string) => edit(a, 'caption: 图片说明。', `caption: ${'图'.repeat(1001)}`),
      [at(16, "the photo's caption is 1001 characters long (at most 1000); shorten it")],
    ],
    [
      'an alt over 500 characters',
      (a: string) => edit(a, 'alt: 一张图', `alt: ${'图'.repeat(501)}`),
      [at(15, "the photo's alt is 501 characters long (at most 500); shorten it")],
    ],
    [
      'a heading over 200 characters',
      (a: string) => edit(a, '## 第二节', `## ${'节'.repeat(201)}`),
      [at(22, 'the heading is 201 characters long (at most 200); shorten it')],
    ],
    [
      'a paragraph over 20,000 characters',
      (a: string) => edit(a, '第二节的段落。', '段'.repeat(20_001)),
      [
        at(
          24,
          'this paragraph is 20001 characters long (at most 20000); shorten it or split it with a blank line',
        ),
      ],
    ],
  ])('reports %s', async (_name, change, expected) => {
    expect(await problemsAfter(change)).toEqual(expected)
  })

  it('reports more than 500 sections at the 501st', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `## 节 ${i} {#s${i}}\n\n段落。\n`).join('\n')
    const problems = await problemsAfter((a) => a.slice(0, a.indexOf('## 第一节')) + many)
    expect(problems).toEqual([at(12 + 500 * 4, 'more than 500 sections; split the article')])
  })

  it('reports more than 100 photos in a section at the 101st', async () => {
    const block = '::: photo media/a.png\nalt: a\ncaption: c\ncredit: 记者 石亮\n:::\n'
    const problems = await problemsAfter((a) => edit(a, '第一节的段落。', block.repeat(101)))
    // The section already has one photo (line 14), so the 101st is the 100th added block.
    expect(problems).toEqual([at(20 + 99 * 5, 'this section has more than 100 photos; remove some')])
  })
})

describe('checkContent: raw text', () => {
  it.each([
    ['a bidi override', '\u202E', 'a bidi control (U+202E) at column 4'],
    ['a tab', '\t', 'a tab (U+0009) at column 4'],
    ['a C1 control', '\u0085', 'a control character (U+0085) at column 4'],
    ['a NUL', '\u0000', 'a control character (U+0000) at column 4'],
  ])('reports %s on its line', async (_name, char, what) => {
    const problems = await problemsAfter((a) => edit(a, '第二节的段落。', `第二节${char}的段落。`))
    expect(problems).toEqual([at(24, `${what}; delete it (it is invisible and can disguise text)`)])
  })

  it('reports bytes that are not UTF-8 on their line', async () => {
    const text = new TextEncoder().encode(goodArticle())
    const line20 = new TextEncoder().encode(`${goodArticle().split('\n').slice(0, 19).join('\n')}\n`).length
    const bytes = Uint8Array.from([...text.subarray(0, line20), 0xff, 0xfe, ...text.subarray(line20)])
    const root = await writeTree({ ...goodTree(), 'articles/test-article.md': bytes })
    const { problems } = await checkContent(root)
    expect(problems.map((p) => formatProblem(p))).toEqual([
      at(20, 'the file is not valid UTF-8; save it as UTF-8'),
    ])
  })

  it('accepts a BOM and CRLF line ends and reads the same article', async () => {
    const root = await writeTree({
      ...goodTree(),
      'articles/test-article.md': `\uFEFF${goodArticle().replaceAll('\n', '\r\n')}`,
    })
    const plain = await writeTree(goodTree())
    const [crlf, lf] = await Promise.all([checkContent(root), checkContent(plain)])
    expect(crlf.problems).toEqual([])
    expect(crlf.articles).toEqual(lf.articles)
  })

  it('joins the lines of a paragraph without spaces between CJK and with one space between Latin words', async () => {
    const root = await writeTree({
      ...goodTree(),
      'articles/test-article.md': edit(
        goodArticle(),
        '第二节的段落。',
        '第二节\n的段落，\nwith English\nwords。',
      ),
    })
    const { articles } = await checkContent(root)
    expect(articles[0]?.sections[1]?.paragraphs).toEqual(['第二节的段落，with English words。'])
  })
})
