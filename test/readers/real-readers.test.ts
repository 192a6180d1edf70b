/**
 * What a subscriber sees in real, independently written feed readers (Debian's newsboat 2.21 and rss2email 3.13),
 * subscribed to the seed article published with `content:publish --local` and served by `wrangler dev`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevServer, startPublishedWorker } from '../helpers/wrangler-dev.ts'
import { validateXml } from '../helpers/xmllint.ts'
import { newsboatImport, newsboatReload, rss2emailRun, scratchFolders } from './read-with-clients.ts'

const SLUG = 'qijiang-strategic-pivot'

/** The seed as its editors wrote it (content/articles/qijiang-strategic-pivot.md). */
const SEED = {
  titles: ['綦万“三化”发展注入新动能', '开放高地建设谱写新篇章', '工业转型升级交出新答卷', '图集'],
  lede: ['綦江高新区建设加速推进', '奋力建设一座“如来·如愿”的“多彩綦江·创新之城”'],
  /** Every caption with the printed credit it carries, sections' photos then the gallery's. */
  photos: [
    ['綦江城区一景。', '记者 石亮 摄'],
    ['智能化车间一角。', '记者 陈星宇 摄'],
    ['綦江区腾讯云科创中心。', '记者 刘骏晓 摄'],
    ['高新区一角。', '通讯员 罗胜 摄'],
    ['海塑建材生产车间掠影。', '记者 陈星宇 摄'],
    ['綦城云海。', '通讯员 王大椿 摄'],
  ],
  gallery: ['高新区一角。', '海塑建材生产车间掠影。', '綦城云海。'],
}

/** Readers wrap and reflow text (rss2email's html2text breaks lines at spaces): compare without whitespace. */
const flat = (text: string): string => text.replace(/\s+/g, '')

let worker: DevServer
const folders = scratchFolders('broadsheet-reader-')
const scratch = folders.make

beforeAll(async () => {
  worker = await startPublishedWorker()
}, 240_000)

afterAll(async () => {
  await worker?.stop()
  await folders.removeAll()
})

describe.each(['rss', 'atom'])('newsboat subscribed to the article %s feed', (format) => {
  it('lists the items in reading order, with the lede, every caption and credit and the gallery', async () => {
    const items = await newsboatReload(await scratch(), [`${worker.url}/feeds/${SLUG}.${format}`])
    // newsboat sorts by date, newest first: the reading order must come out of the dates alone.
    expect(items.map((i) => i.title)).toEqual(SEED.titles)
    expect(new Set(items.map((i) => i.url)).size).toBe(items.length)
    const [first] = items
    for (const text of SEED.lede) expect(flat(first?.content ?? '')).toContain(flat(text))
    const all = flat(items.map((i) => i.content).join('\n'))
    for (const [caption, credit] of SEED.photos) expect(all).toContain(flat(`${caption} — ${credit}`))
    const gallery = items.at(-1)
    expect(gallery?.url).toBe(`${worker.url}/articles/${SLUG}/photos`)
    for (const caption of SEED.gallery) expect(gallery?.content).toContain(caption)
    expect(gallery?.content.match(/<img /g)).toHaveLength(3)
  })
})

describe.each(['rss', 'atom'])("newsboat subscribed to the zh-TW edition's article %s feed", (format) => {
  const HANT = `/zh-tw/feeds/${SLUG}.${format}`

  it('lists the items in Traditional script with Taiwan quotation marks, the credits and its own links', async () => {
    const items = await newsboatReload(await scratch(), [`${worker.url}${HANT}`])
    expect(items.map((i) => i.title)).toEqual([
      '綦萬「三化」發展注入新動能',
      '開放高地建設譜寫新篇章',
      '工業轉型升級交出新答卷',
      '圖集',
    ])
    const all = flat(items.map((i) => i.content).join('\n'))
    expect(all).toContain(flat('奮力建設一座「如來·如願」的「多彩綦江·創新之城」'))
    expect(all).toContain(flat('綦江城區一景。 — 記者 石亮 攝'))
    expect(all).not.toMatch(/[“”]|记者/)
    expect(items.at(-1)?.url).toBe(`${worker.url}/zh-tw/articles/${SLUG}/photos`)
  })

  it('keeps both editions apart when a reader subscribes to both: every item twice, none merged', async () => {
    const items = await newsboatReload(await scratch(), [
      `${worker.url}/feeds/${SLUG}.${format}`,
      `${worker.url}${HANT}`,
    ])
    expect(items).toHaveLength(2 * SEED.titles.length)
    const byFeed = (suffix: string) => items.filter((i) => i.feedurl.endsWith(suffix)).map((i) => i.title)
    expect(byFeed(`/zh-tw/feeds/${SLUG}.${format}`)).toHaveLength(SEED.titles.length)
    expect(new Set(items.map((i) => i.url)).size).toBe(items.length)
  })
})

/** The seed's topics and people, in the order of content/topics.md and content/people.md. */
const TOPICS = ['qijiang', 'main-urban-area', 'qijiang-wansheng-integration']
const PEOPLE = ['liu-liuyin', 'shi-liang', 'chen-xingyu', 'liu-junxiao', 'luo-sheng', 'wang-dachun']

describe('newsboat importing the OPML lists', () => {
  it.each([
    ['/feeds.opml', 'rss'],
    ['/feeds.atom.opml', 'atom'],
  ])('subscribes once per feed from %s, all in %s, tagged with its group', async (path, format) => {
    const opml = await (await fetch(`${worker.url}${path}`)).text()
    expect(await validateXml(opml)).toEqual({ valid: true, errors: '' })
    const subscriptions = await newsboatImport(await scratch(), opml)
    expect(subscriptions).toEqual([
      { url: `${worker.url}/feeds/all.${format}`, tags: ['全部文章订阅'] },
      ...TOPICS.map((id) => ({ url: `${worker.url}/feeds/topics/${id}.${format}`, tags: ['话题'] })),
      ...PEOPLE.map((id) => ({ url: `${worker.url}/feeds/people/${id}.${format}`, tags: ['作者与摄影'] })),
      { url: `${worker.url}/feeds/${SLUG}.${format}`, tags: ['文章'] },
    ])
  })

  it('reads every subscription of the imported RSS list without an error', async () => {
    const dir = await scratch()
    const subscriptions = await newsboatImport(dir, await (await fetch(`${worker.url}/feeds.opml`)).text())
    const items = await newsboatReload(
      dir,
      subscriptions.map((s) => s.url),
    )
    // newsboat keeps an item once by its guid: the article's items come from one of the two feeds.
    expect(items.map((i) => i.title).sort()).toEqual([...SEED.titles].sort())
  })
})

describe('rss2email in its default text mode, subscribed to the article RSS feed', () => {
  it('mails every item with its text, its captions and their credits, not a caption alone', async () => {
    const mails = await rss2emailRun(await scratch(), `${worker.url}/feeds/${SLUG}.rss`)
    expect(mails.map((m) => m.subject).sort()).toEqual([...SEED.titles].sort())
    for (const mail of mails) expect(mail.type).toBe('text/plain')
    const bySubject = new Map(mails.map((m) => [m.subject, flat(m.body)]))
    const first = bySubject.get(SEED.titles[0] ?? '') ?? ''
    for (const text of SEED.lede) expect(first).toContain(flat(text))
    // Each section mail has its paragraphs: far more than a caption.
    for (const title of SEED.titles.slice(0, 3)) expect(bySubject.get(title)?.length).toBeGreaterThan(300)
    const all = [...bySubject.values()].join('')
    for (const [caption = '', credit = ''] of SEED.photos) {
      expect(all).toContain(flat(caption))
      expect(all).toContain(flat(credit))
    }
    const gallery = bySubject.get('图集') ?? ''
    for (const caption of SEED.gallery) expect(gallery).toContain(caption)
  })
})
