/** The Cron Trigger: which feeds it names for the hub when an embargo lifted since the previous run. */
import { reset } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { editionKey, keys } from '../../model/store-keys.ts'
import { cronPeriodMs } from '../../worker/cron-period.ts'
import { liftedFeedUrls } from '../../worker/scheduled.ts'
import { buildArticle, buildPhoto, buildSection } from '../fixtures/build-article.ts'
import { seedArticle, seedIndex } from './seed.ts'

const LIFT = Date.parse('2026-11-28T08:00:00+08:00')
const config = { ...env, PUBLIC_BASE_URL: 'https://news.example.com' }
/** The expression in wrangler.toml (test/unit checks that every one there has a period). */
const EVERY_5 = '*/5 * * * *'

beforeEach(async () => {
  await reset()
  await seedIndex([
    buildArticle({ slug: 'tomorrow-8am', published: '2026-11-28T08:00:00+08:00' }),
    buildArticle(),
  ])
})

describe('scheduled: feeds to ping after an embargo', () => {
  it('names the article\'s three feeds and the "all" feeds in the one run whose period holds the lift', async () => {
    const period = 5 * 60_000
    const runs = [LIFT - period, LIFT, LIFT + period]
    const named = await Promise.all(runs.map((t) => liftedFeedUrls(config, t, EVERY_5)))
    expect(named).toEqual([
      [],
      [
        'https://news.example.com/feeds/tomorrow-8am.rss',
        'https://news.example.com/feeds/tomorrow-8am.atom',
        'https://news.example.com/feeds/tomorrow-8am.json',
        'https://news.example.com/feeds/all.rss',
        'https://news.example.com/feeds/all.atom',
        'https://news.example.com/feeds/all.json',
      ],
      [],
    ])
  })

  it('names the feeds of the topics and people the lifted article holds items of, each once', async () => {
    const credit = { role: 'staff', name: '石亮', id: 'shi-liang' } as const
    await seedArticle(
      buildArticle({
        slug: 'tomorrow-8am',
        published: '2026-11-28T08:00:00+08:00',
        topics: ['qijiang', 'district'],
        byline: { role: 'staff', name: '刘柳吟', id: 'liu-liuyin' },
        // The photographer of two photos, the writer credited again as contributor: one feed each.
        contributors: [{ role: 'contributor', name: '刘柳吟', id: 'liu-liuyin' }],
        sections: [buildSection({ photos: [buildPhoto({ credit }), buildPhoto({ credit })] })],
      }),
    )
    const named = await liftedFeedUrls(config, LIFT, EVERY_5)
    expect(named.slice(6)).toEqual(
      ['topics/qijiang', 'topics/district', 'people/liu-liuyin', 'people/shi-liang'].flatMap((name) =>
        ['rss', 'atom', 'json'].map((ext) => `https://news.example.com/feeds/${name}.${ext}`),
      ),
    )
    // An article that lifted earlier is not named again, nor are its subjects.
    expect(await liftedFeedUrls(config, LIFT + 5 * 60_000, EVERY_5)).toEqual([])
  })

  it("names the zh-tw edition's feeds after the original's, from the edition's own list, once publish wrote it", async () => {
    const { value, metadata } = await env.CONTENT.getWithMetadata(keys.indexHead())
    await env.CONTENT.put(editionKey(keys.indexHead(), 'hant'), value ?? '', { metadata })
    const named = await liftedFeedUrls(config, LIFT, EVERY_5)
    expect(named.slice(6)).toEqual([
      'https://news.example.com/zh-tw/feeds/tomorrow-8am.rss',
      'https://news.example.com/zh-tw/feeds/tomorrow-8am.atom',
      'https://news.example.com/zh-tw/feeds/tomorrow-8am.json',
      'https://news.example.com/zh-tw/feeds/all.rss',
      'https://news.example.com/zh-tw/feeds/all.atom',
      'https://news.example.com/zh-tw/feeds/all.json',
    ])
    expect(named.slice(0, 6).every((u) => u.startsWith('https://news.example.com/feeds/'))).toBe(true)
  })

  it('names nothing without a canonical base URL (a cron has no request to take an origin from)', async () => {
    expect(await liftedFeedUrls(env, LIFT, EVERY_5)).toEqual([])
  })

  it("takes its period from the trigger's own expression: a lift 8 minutes back is in an hourly run, not a 5-minute one", async () => {
    expect(await liftedFeedUrls(config, LIFT + 8 * 60_000, EVERY_5)).toEqual([])
    expect(await liftedFeedUrls(config, LIFT + 8 * 60_000, '0 * * * *')).toHaveLength(6)
  })
})

describe('cronPeriodMs', () => {
  it.each([
    ['*/5 * * * *', 5],
    ['*/15 * * * *', 15],
    ['0 * * * *', 60],
    [' */1  * * * * ', 1],
  ])('reads %s as every %i minutes', (cron, minutes) => {
    expect(cronPeriodMs(cron)).toBe(minutes * 60_000)
  })

  it.each(['*/7 * * * *', '0 12 * * *', '*/5 * * *', 'every five minutes'])(
    'refuses %s, which has no one period',
    (cron) => {
      expect(() => cronPeriodMs(cron)).toThrow(cron)
    },
  )
})
