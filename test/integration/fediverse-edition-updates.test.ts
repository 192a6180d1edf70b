/**
 * What followers are told when only the Traditional edition changes (a glossary entry converts an article's names
 * otherwise): an Update whose language maps carry the new Traditional text, as for any new version; and a database
 * that recorded versions before they named the edition sends nothing for articles it already told of. The
 * federation Worker's sync on Miniflare's D1, KV and Queue (workerd, in-process); the clock is data.
 */
import { describe, expect, it } from 'vitest'
import { syncArticles } from '../../fediverse/sync.ts'
import { editionKey, keys } from '../../model/store-keys.ts'
import { buildArticle } from '../fixtures/build-article.ts'
import { buildFediConfig } from '../fixtures/fedi-config.ts'
import { useFederationD1 } from '../helpers/miniflare-d1.ts'

const BASE = 'https://news.example'
const NOW = new Date('2026-03-01T12:00:00Z')
const config = buildFediConfig(BASE)
const PUBLISHED = '2026-02-01T08:00:00+08:00'

const testD1 = useFederationD1()
const sync = () =>
  syncArticles({ CONTENT: testD1().kv, FEDI_DB: testD1().db, DELIVERY: testD1().queue }, config, NOW)

/** Stores a value as publish does: its version in the JSON and as the metadata's `h`. */
async function put(key: string, version: string, title: string, lang = 'zh-CN') {
  const article = buildArticle({
    slug: 'seed',
    title,
    lang,
    published: PUBLISHED,
    updated: PUBLISHED,
    topics: [],
  })
  await testD1().kv.put(key, JSON.stringify({ version, article }), { metadata: { h: version } })
}
const putOriginal = (version: string) => put(keys.article('seed'), version, '綦江：战略转身')
const putEdition = (version: string, title: string) =>
  put(editionKey(keys.article('seed'), 'hant'), version, title, 'zh-TW')

/** Every activity the runs recorded, oldest first: its type and the object's Traditional name. */
async function activities() {
  const { results } = await testD1()
    .db.prepare('SELECT body FROM activities ORDER BY created_at, id')
    .all<{ body: string }>()
  return results.map((r) => {
    const a = JSON.parse(r.body) as { type: string; object: { nameMap?: Record<string, string> } }
    return [a.type, a.object.nameMap?.['zh-TW']]
  })
}
const told = async () =>
  (
    await testD1()
      .db.prepare('SELECT version FROM articles WHERE slug = ?')
      .bind('seed')
      .first<{ version: string }>()
  )?.version

describe('a change of the Traditional edition alone', () => {
  it('is an Update carrying the new Traditional text, sent once', async () => {
    await putOriginal('o1')
    await putEdition('t1', '綦江：戰略轉身')
    expect(await sync()).toEqual({ create: 1, update: 0, delete: 0, announce: 0 })
    expect(await told()).toBe('o1.t1')
    expect(await sync()).toEqual({ create: 0, update: 0, delete: 0, announce: 0 })
    // The glossary now names the place otherwise: publish converted the edition again, the original is unchanged.
    await putEdition('t2', '綦江：戰略轉型')
    expect(await sync()).toEqual({ create: 0, update: 1, delete: 0, announce: 0 })
    expect(await sync()).toEqual({ create: 0, update: 0, delete: 0, announce: 0 })
    expect(await activities()).toEqual([
      ['Create', '綦江：戰略轉身'],
      ['Update', '綦江：戰略轉型'],
    ])
  })

  it('sends nothing for an article told of before versions named the edition, and records the version', async () => {
    await testD1().db.prepare('UPDATE articles SET version = ? WHERE slug = ?').bind('o1', 'seed').run()
    const before = (await activities()).length
    expect(await sync()).toEqual({ create: 0, update: 0, delete: 0, announce: 0 })
    expect(await told()).toBe('o1.t2')
    expect(await activities()).toHaveLength(before)
    // A new version of the original after that is an Update as always.
    await putOriginal('o2')
    expect(await sync()).toEqual({ create: 0, update: 1, delete: 0, announce: 0 })
    expect(await told()).toBe('o2.t2')
  })
})
