import { describe, expect, it } from 'vitest'
import { buildEntries } from '../../editor/publish/build-entries.ts'
import type { KvEntry, PublishState } from '../../editor/publish/kv-entry.ts'
import { parsePublishState } from '../../editor/publish/parse-publish-state.ts'
import { isNoop, planPublish } from '../../editor/publish/plan-publish.ts'
import { parseAllPageValue, parseArticleValue, parseIndexValue } from '../../model/parse-store-values.ts'
import { buildDraft, buildDraftPhoto, buildDraftSection } from '../fixtures/build-draft.ts'

const NOW = new Date('2026-11-24T02:00:00Z')
const LATER = new Date('2026-11-25T02:00:00Z')
const empty = (): PublishState => ({ sections: {} })

function jsonOf(entries: readonly KvEntry[], key: string): unknown {
  const e = entries.find((x) => x.key === key)
  if (!e) throw new Error(`no entry ${key}`)
  return JSON.parse(String(e.value))
}

function stateOf(entries: readonly KvEntry[]): PublishState {
  const value = entries.find((e) => e.key === 'v1:publish-state')?.value
  return parsePublishState(value === undefined ? null : String(value))
}

const listingOf = (entries: readonly KvEntry[]) => new Map(entries.map((e) => [e.key, e.metadata.h]))

describe('buildEntries', () => {
  it('writes each article, the index and the "all" page as values the Worker parsers accept', () => {
    const built = buildEntries([buildDraft('a-one'), buildDraft('b-two')], empty(), NOW)
    const all = [...built.content, ...built.aggregates]
    expect(parseArticleValue(jsonOf(all, 'v1:article:a-one')).article.sections).toHaveLength(2)
    expect(parseIndexValue(jsonOf(all, 'v1:index')).articles.map((a) => a.slug)).toEqual(['a-one', 'b-two'])
    expect(parseAllPageValue(jsonOf(all, 'v1:all:1')).items).toHaveLength(4)
  })

  it('orders articles newest first and pages the "all" feed at 50 items', () => {
    const drafts = Array.from({ length: 30 }, (_, i) =>
      buildDraft(`art-${i}`, { published: `2020-12-${String(i + 1).padStart(2, '0')}T08:00:00+08:00` }),
    )
    const built = buildEntries(drafts, empty(), NOW)
    const pages = built.aggregates
      .filter((e) => e.key.startsWith('v1:all:'))
      .map((e) => parseAllPageValue(JSON.parse(String(e.value))))
    expect(pages.map((p) => p.items.length)).toEqual([50, 10])
    expect(pages.every((p) => p.pages === 2)).toBe(true)
    expect(pages[0]?.items[0]?.article.slug).toBe('art-29')
    expect(pages[1]?.items.at(-1)?.article.slug).toBe('art-0')
  })

  it('stores each rendition used by several photos once, as bytes under a content-hashed media key', () => {
    const shared = buildDraftPhoto('same')
    const draft = buildDraft('a-one', {
      sections: [buildDraftSection('x', { photos: [shared] }), buildDraftSection('y', { photos: [shared] })],
    })
    const built = buildEntries([draft], empty(), NOW)
    const media = built.content.filter((e) => e.key.startsWith('v1:media:'))
    expect(media.map((e) => e.metadata.type).sort()).toEqual([
      'image/jpeg',
      'image/jpeg',
      'image/webp',
      'image/webp',
    ])
    for (const e of media) {
      expect(e.key).toMatch(/^v1:media:[0-9a-f]{32}\.(?:jpg|webp)$/)
      expect(e.value).toBeInstanceOf(Uint8Array)
    }
    const photo = parseArticleValue(jsonOf(built.content, 'v1:article:a-one')).article.sections[0]?.photos[0]
    const names = media.map((e) => `/media/${e.key.slice('v1:media:'.length)}`)
    expect(photo?.renditions.map((r) => r.src).sort()).toEqual(names.sort())
    // src, type and size are the widest JPEG: what renderers that know nothing of renditions show.
    expect(photo).toMatchObject({ type: 'image/jpeg', width: 1200, height: 800 })
    expect(photo?.renditions.find((r) => r.src === photo.src)).toMatchObject({
      type: 'image/jpeg',
      width: 1200,
    })
  })

  it('is deterministic for the same drafts, state and clock', () => {
    const a = buildEntries([buildDraft()], empty(), NOW)
    const b = buildEntries([buildDraft()], empty(), NOW)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})

describe('section times', () => {
  it('gives the sections of a new article its publication time, a second apart, the first section latest', () => {
    const article = buildEntries([buildDraft()], empty(), NOW).articles[0]
    expect(article?.sections.map((s) => s.updated)).toEqual([
      '2020-12-22T08:00:01+08:00',
      '2020-12-22T08:00:00+08:00',
    ])
    expect(article?.updated).toBe('2020-12-22T08:00:01+08:00')
  })

  it('never gives two sections of the site the same time, even across articles published together', () => {
    const built = buildEntries([buildDraft('a-one'), buildDraft('b-two')], empty(), NOW)
    const times = built.articles.flatMap((a) => a.sections.map((s) => Date.parse(s.updated)))
    expect(new Set(times).size).toBe(4)
  })

  it('stamps an edited section with the publish time in the article offset and keeps the others', () => {
    const first = buildEntries([buildDraft()], empty(), NOW)
    const edited = buildDraft('qijiang-strategic-pivot', {
      sections: [buildDraftSection('first', { paragraphs: ['改过的段落。'] }), buildDraftSection('second')],
    })
    const article = buildEntries([edited], stateOf(first.aggregates), LATER).articles[0]
    expect(article?.sections.map((s) => s.updated)).toEqual([
      '2026-11-25T10:00:00+08:00',
      '2020-12-22T08:00:00+08:00',
    ])
    expect(article?.updated).toBe('2026-11-25T10:00:00+08:00')
  })

  it('stamps a section added to a published article with the publish time', () => {
    const first = buildEntries([buildDraft()], empty(), NOW)
    const grown = buildDraft('qijiang-strategic-pivot', {
      sections: [buildDraftSection('first'), buildDraftSection('second'), buildDraftSection('third')],
    })
    const article = buildEntries([grown], stateOf(first.aggregates), LATER).articles[0]
    expect(article?.sections[2]?.updated).toBe('2026-11-25T09:59:58+08:00')
  })

  it('uses the time an editor wrote on a section', () => {
    const draft = buildDraft('a-one', {
      sections: [buildDraftSection('x', { updated: '2021-01-01T00:00:00+08:00' })],
    })
    expect(buildEntries([draft], empty(), NOW).articles[0]?.sections[0]?.updated).toBe(
      '2021-01-01T00:00:00+08:00',
    )
  })
})

describe('planPublish', () => {
  it('writes nothing when KV already holds the same content', () => {
    const built = buildEntries([buildDraft()], empty(), NOW)
    const again = buildEntries([buildDraft()], stateOf(built.aggregates), LATER)
    expect(isNoop(planPublish(again, listingOf([...built.content, ...built.aggregates])))).toBe(true)
  })

  it('writes only the changed article and the aggregates that mention it', () => {
    const before = buildEntries([buildDraft('a-one'), buildDraft('b-two')], empty(), NOW)
    const after = buildEntries(
      [buildDraft('a-one', { title: '新标题' }), buildDraft('b-two')],
      stateOf(before.aggregates),
      LATER,
    )
    const plan = planPublish(after, listingOf([...before.content, ...before.aggregates]))
    expect(plan.content.map((e) => e.key)).toEqual(['v1:article:a-one'])
    expect(plan.aggregates.map((e) => e.key)).toEqual(['v1:all:1', 'v1:index'])
    expect(plan.articles).toEqual({ added: [], changed: ['a-one'], removed: [] })
  })

  it('deletes the keys of a removed article and its unreferenced media, and nothing else', () => {
    const before = buildEntries(
      [buildDraft('a-one'), buildDraft('b-two', { sections: [buildDraftSection('only-b')] })],
      empty(),
      NOW,
    )
    const after = buildEntries([buildDraft('a-one')], stateOf(before.aggregates), LATER)
    const listing = listingOf([
      ...before.content,
      ...before.aggregates,
      { key: 'other:thing', value: '', metadata: { h: 'x' } },
    ])
    const plan = planPublish(after, listing)
    // The article and the four renditions of its one photo.
    expect(plan.deletes).toHaveLength(5)
    expect(plan.deletes[0]).toBe('v1:article:b-two')
    for (const key of plan.deletes.slice(1)) expect(key).toMatch(/^v1:media:/)
    expect(plan.articles.removed).toEqual(['b-two'])
  })
})
