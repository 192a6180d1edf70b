/** The ActivityStreams renderers of the federation Worker: pure, the model in, JSON-LD out. */
import { describe, expect, it } from 'vitest'
import { hantEntry } from '../../editor/hant/hant-entries.ts'
import { hantEdition } from '../../editor/hant/hant-writes.ts'
import { versioned } from '../../editor/publish/store-entries.ts'
import { backoffSeconds, isRetryable } from '../../fediverse/deliver.ts'
import { signerHost } from '../../fediverse/inbox-gate.ts'
import { renderAccept, renderAnnounce, renderArticleActivity } from '../../fediverse/render/activities.ts'
import { renderArticleObject, renderTombstone } from '../../fediverse/render/article-object.ts'
import { renderOutbox, renderOutboxPage } from '../../fediverse/render/outbox.ts'
import type { Article } from '../../model/article.ts'
import { parseStoredArticle } from '../../model/parse-store-values.ts'
import { keys } from '../../model/store-keys.ts'
import { buildArticle, buildPhoto } from '../fixtures/build-article.ts'

const BASE = 'https://news.example.com'

describe('renderArticleObject', () => {
  const article = buildArticle({
    photos: [buildPhoto({ alt: '画廊照片', credit: { role: 'correspondent', name: '罗胜' } })],
    corrections: [{ date: '2020-12-23T10:00:00+08:00', text: '此前版本有误。' }],
  })
  const object = renderArticleObject(article, BASE)

  it('is one Article with the title, dek, page URL, UTC times, language and the paper as author', () => {
    expect(object).toMatchObject({
      id: `${BASE}/ap/articles/qijiang-strategic-pivot`,
      type: 'Article',
      name: '綦江：战略转身',
      summary: '从老工业基地到渝南黔北中心城市',
      url: `${BASE}/articles/qijiang-strategic-pivot`,
      published: '2020-12-22T00:00:00Z',
      updated: '2020-12-22T02:15:00Z',
      attributedTo: `${BASE}/ap/actors/paper`,
      tag: [
        { type: 'Hashtag', name: '#綦江' },
        { type: 'Hashtag', name: '#区县' },
      ],
    })
    expect(Object.keys(object.contentMap as object)).toEqual(['zh-CN'])
  })

  it('carries the whole article: lede, headings, photos with caption and credit, corrections', () => {
    const html = String(object.content)
    for (const part of [
      '<p>綦江正在经历一场深刻的战略转身。</p>',
      '<h2>万綦一体化提速</h2>',
      '<h2>齿轮产业集群</h2>',
      'alt="綦江齿轮厂装配车间"',
      '工人在装配车间调试新生产线 — 记者 石亮 摄',
      '通讯员 罗胜 摄',
      '此前版本有误。',
    ])
      expect(html).toContain(part)
  })

  it('attaches every photo once as a JPEG at most 1600 px wide, named by its alt text', () => {
    expect(object.attachment).toEqual([
      {
        type: 'Image',
        mediaType: 'image/jpeg',
        url: `${BASE}/media/3f2a9c1b.jpg`,
        name: '綦江齿轮厂装配车间',
        width: 1200,
        height: 800,
      },
      expect.objectContaining({ name: '画廊照片', width: 1200 }),
    ])
  })
})

/** The article's Traditional edition as publish stores it (`v2:zh-tw:article:{slug}`), read back by the model's parser. */
function publishedHant(article: Article): Article {
  const edition = hantEdition('content')
  const entry = hantEntry(
    versioned(keys.article(article.slug), { article }),
    edition.convert,
    edition.fingerprint,
  )
  const stored = parseStoredArticle(JSON.parse(String(entry?.value)))
  if (stored.kind !== 'article') throw new Error('the edition value is no article')
  return stored.value.article
}

describe('renderArticleObject with the Traditional edition', () => {
  const article = buildArticle({ dek: '从老工业基地到渝南黔北中心城市' })
  const hant = publishedHant(article)
  const object = renderArticleObject(article, BASE, [hant])

  it('maps content, name and summary by language, the original first (where Mastodon reads the language)', () => {
    expect(Object.keys(object.contentMap as object)).toEqual(['zh-CN', 'zh-TW'])
    expect(object.nameMap).toEqual({ 'zh-CN': '綦江：战略转身', 'zh-TW': '綦江：戰略轉身' })
    expect(object.summaryMap).toEqual({
      'zh-CN': '从老工业基地到渝南黔北中心城市',
      'zh-TW': '從老工業基地到渝南黔北中心城市',
    })
    expect(object.name).toBe('綦江：战略转身')
    expect(object.content).toBe((object.contentMap as Record<string, string>)['zh-CN'])
  })

  it("gives the Traditional content the edition's text, credits and quotation marks, and the same photos", () => {
    const html = (object.contentMap as Record<string, string>)['zh-TW'] ?? ''
    expect(html).toContain('<h2>萬綦一體化提速</h2>')
    expect(html).toContain('記者 石亮 攝')
    expect(html).not.toContain('记者')
    expect(html).toContain(`${BASE}/media/3f2a9c1b.jpg`)
  })

  it('leaves out an edition of another version (publish between the two writes) or of the same language', () => {
    const behind = { ...hant, updated: '2020-12-21T00:00:00+08:00' }
    for (const editions of [[behind], [{ ...article, title: 'x' }], []])
      expect(Object.keys(renderArticleObject(article, BASE, editions).contentMap as object)).toEqual([
        'zh-CN',
      ])
  })
})

describe('hashtags', () => {
  it("link each tag to its topic's page when the topics file gave it an id", () => {
    const object = renderArticleObject(buildArticle({ topics: ['qijiang', 'districts'] }), BASE)
    expect(object.tag).toEqual([
      { type: 'Hashtag', name: '#綦江', href: `${BASE}/topics/qijiang` },
      { type: 'Hashtag', name: '#区县', href: `${BASE}/topics/districts` },
    ])
  })
})

describe('the activities', () => {
  it('give a Create and an Update ids fixed by the slug and the version', () => {
    const object = renderArticleObject(buildArticle(), BASE)
    const create = renderArticleActivity('create', object, 'qijiang-strategic-pivot', 'v1', BASE)
    const update = renderArticleActivity('update', object, 'qijiang-strategic-pivot', 'v2', BASE)
    expect(create.id).toBe(`${BASE}/ap/articles/qijiang-strategic-pivot/activities/create-v1`)
    expect(update).toMatchObject({ type: 'Update', published: '2020-12-22T02:15:00Z' })
    expect(renderArticleActivity('create', object, 'qijiang-strategic-pivot', 'v1', BASE)).toEqual(create)
  })

  it('answer a Follow with an Accept naming it', () => {
    const topic = `${BASE}/ap/actors/topic-qijiang`
    const accept = renderAccept({ id: 'https://m.example/f/1', actor: 'https://m.example/users/a' }, topic)
    expect(accept).toMatchObject({
      type: 'Accept',
      actor: topic,
      object: { id: 'https://m.example/f/1', type: 'Follow', object: topic },
    })
  })

  it("give a topic's Announce of an article one id per topic and article, the article's id as object", () => {
    const announce = renderAnnounce('topic-qijiang', 'qijiang-strategic-pivot', '2020-12-22T00:00:00Z', BASE)
    expect(announce).toMatchObject({
      id: `${BASE}/ap/actors/topic-qijiang/announces/qijiang-strategic-pivot`,
      type: 'Announce',
      actor: `${BASE}/ap/actors/topic-qijiang`,
      object: `${BASE}/ap/articles/qijiang-strategic-pivot`,
      cc: [`${BASE}/ap/actors/topic-qijiang/followers`, `${BASE}/ap/actors/paper`],
    })
  })

  it('make a withdrawn article a Tombstone', () => {
    expect(renderTombstone('gone-slug', '2026-11-27T10:00:00+08:00', BASE)).toEqual({
      id: `${BASE}/ap/articles/gone-slug`,
      type: 'Tombstone',
      formerType: 'Article',
      deleted: '2026-11-27T02:00:00Z',
    })
  })
})

describe('outbox paging', () => {
  const outbox = `${BASE}/ap/actors/topic-qijiang/outbox`

  it('names the total and the first page', () => {
    expect(renderOutbox(outbox, 41, 1)).toEqual({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: outbox,
      type: 'OrderedCollection',
      totalItems: 41,
      first: `${outbox}?page=1`,
    })
  })

  it('links a middle page to the older page as next and the newer one as prev', () => {
    const page = renderOutboxPage(outbox, 2, [], { older: 3, newer: 1 })
    expect(page).toMatchObject({
      id: `${outbox}?page=2`,
      type: 'OrderedCollectionPage',
      partOf: outbox,
      next: `${outbox}?page=3`,
      prev: `${outbox}?page=1`,
    })
  })

  it('gives the newest page no prev and the oldest no next', () => {
    const only = renderOutboxPage(outbox, 'current', [], { older: null, newer: null })
    expect(only).not.toHaveProperty('next')
    expect(only).not.toHaveProperty('prev')
  })
})

describe('delivery and inbox rules', () => {
  it('retries network errors, 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 503].map(isRetryable)).toEqual([true, true, true, true])
    expect([400, 401, 403, 404, 410, 422].map(isRetryable)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('doubles the wait each retry, up to 12 hours', () => {
    expect([1, 2, 3, 20].map((n) => backoffSeconds(n, 60))).toEqual([60, 120, 240, 43_200])
  })

  it("rate-limits by the host of the signature's keyId (draft-cavage or RFC 9421)", () => {
    const cavage = new Request('https://x/ap/inbox', {
      headers: { signature: 'keyId="https://m.example/users/a#main-key",algorithm="rsa-sha256"' },
    })
    const rfc9421 = new Request('https://x/ap/inbox', {
      headers: { 'signature-input': 'sig1=("@method");keyid="https://o.example/key";created=1' },
    })
    expect([signerHost(cavage), signerHost(rfc9421), signerHost(new Request('https://x/'))]).toEqual([
      'm.example',
      'o.example',
      null,
    ])
  })
})
