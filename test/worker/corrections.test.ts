/** Corrections and several credits as readers see them: the page, the JSON-LD and the three feeds. */
import { reset } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildArticle, buildSection } from '../fixtures/build-article.ts'
import { startTags, textOf, tokenize } from './html-tokens.ts'
import { request, seedArticle } from './seed.ts'

const SLUG = 'qijiang-strategic-pivot'
const SECTION_NOTE = {
  date: '2020-12-24T09:00:00+08:00',
  text: '此前版本将签约项目数误写为“三十余个”，应为“二十余个”。',
}
const ARTICLE_NOTE = { date: '2020-12-23T18:00:00+08:00', text: '本文标题中的地名已更正。' }

function corrected(lang = 'zh-CN') {
  return buildArticle({
    lang,
    contributors: [{ role: 'correspondent', name: '王五' }],
    corrections: [ARTICLE_NOTE],
    updated: SECTION_NOTE.date,
    sections: [
      buildSection({ corrections: [SECTION_NOTE] }),
      buildSection({
        id: 'gear-industry',
        heading: '齿轮产业集群',
        photos: [],
        updated: '2020-12-22T10:15:00+08:00',
      }),
    ],
  })
}

beforeEach(() => reset())

describe('a corrected article page', () => {
  it('shows each note with its date in the article language, where it applies, and keeps the text', async () => {
    await seedArticle(corrected())
    const html = await (await request(`/articles/${SLUG}`)).text()
    const tokens = tokenize(html)
    const notes = startTags(tokens, 'p', ['class', 'correction'])
    expect(notes).toHaveLength(2)
    expect(html).toContain(
      '<p class="correction"><strong>更正（2020年12月23日）：</strong>本文标题中的地名已更正。</p>',
    )
    expect(html).toMatch(
      /<section id="wanqi-integration"[\s\S]*<strong>更正（2020年12月24日）：<\/strong>此前版本将签约项目数误写为“三十余个”，应为“二十余个”。<\/p>\n<\/section>/,
    )
    expect(html).toContain('綦江区与万盛经开区加快推进一体化发展，今年已签约重点项目二十余个')
  })

  it('writes the notes in English for an English article', async () => {
    await seedArticle(corrected('en'))
    const html = await (await request(`/articles/${SLUG}`)).text()
    expect(html).toContain('<strong>Correction (24 December 2020): </strong>')
  })

  it('carries schema.org correction comments and every credited person in the JSON-LD', async () => {
    await seedArticle(corrected())
    const tokens = tokenize(await (await request(`/articles/${SLUG}`)).text())
    const ld = JSON.parse(textOf(tokens, 'script', ['type', 'application/ld+json']))
    expect(ld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: `更正（2020年12月23日）：${ARTICLE_NOTE.text}`,
        datePublished: ARTICLE_NOTE.date,
      },
      {
        '@type': 'CorrectionComment',
        text: `更正（2020年12月24日）：${SECTION_NOTE.text}`,
        datePublished: SECTION_NOTE.date,
      },
    ])
    expect(ld.dateModified).toBe(SECTION_NOTE.date)
    expect(ld.author).toEqual([
      { '@type': 'Person', name: '石亮' },
      { '@type': 'Person', name: '王五' },
    ])
    expect(textOf(tokens, 'span', ['class', 'byline'])).toBe('记者 石亮 通讯员 王五')
  })
})

describe('a corrected article in its feeds', () => {
  it("moves the corrected item's updated to the note and carries the note in its content (JSON Feed)", async () => {
    await seedArticle(corrected())
    const feed = (await (await request(`/feeds/${SLUG}.json`)).json()) as {
      items: { id: string; date_modified: string; content_html: string; authors: { name: string }[] }[]
    }
    const [first, second] = feed.items
    expect(first?.date_modified).toBe('2020-12-24T09:00:00+08:00')
    expect(first?.content_html).toContain(`<strong>更正（2020年12月24日）：</strong>${SECTION_NOTE.text}`)
    expect(first?.content_html).toContain(`<strong>更正（2020年12月23日）：</strong>${ARTICLE_NOTE.text}`)
    // The article-wide note concerns every section: it moves the other item too.
    expect(second?.date_modified).toBe('2020-12-23T18:00:00+08:00')
    expect(second?.content_html).not.toContain(SECTION_NOTE.text)
    expect(first?.authors).toEqual([{ name: '石亮、王五' }])
  })

  it('carries the note and the moved time in Atom and RSS', async () => {
    await seedArticle(corrected())
    const atom = await (await request(`/feeds/${SLUG}.atom`)).text()
    expect(atom).toContain('<updated>2020-12-24T09:00:00+08:00</updated>')
    expect(atom).toContain('更正（2020年12月24日）：')
    const rss = await (await request(`/feeds/${SLUG}.rss`)).text()
    expect(rss).toContain('更正（2020年12月24日）：')
  })
})
