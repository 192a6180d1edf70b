import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { emptyPublishReport, type PublishReport } from '../../editor/publish/build-entries.ts'
import {
  changedEditionFeedUrls,
  changedPageUrls,
  emptyChanges,
} from '../../editor/publish/edition-changes.ts'
import { changedFeedUrls, pingHub } from '../../editor/publish/websub-ping.ts'

const report = (overrides: Partial<PublishReport> = {}): PublishReport => ({
  ...emptyPublishReport(),
  ...overrides,
})

describe('changedFeedUrls', () => {
  it('lists the three feeds of each added or changed article and of "all" when a page changed', () => {
    const urls = changedFeedUrls(
      report({ added: ['new-one'], feedChanged: true }),
      'https://news.example.com/',
    )
    expect(urls).toEqual([
      'https://news.example.com/feeds/new-one.rss',
      'https://news.example.com/feeds/new-one.atom',
      'https://news.example.com/feeds/new-one.json',
      'https://news.example.com/feeds/all.rss',
      'https://news.example.com/feeds/all.atom',
      'https://news.example.com/feeds/all.json',
    ])
  })

  it('lists the three feeds of each topic and person whose head was written, once however many batches wrote it', () => {
    const urls = changedFeedUrls(
      report({ subjectFeeds: ['topics/qijiang', 'people/shi-liang', 'topics/qijiang'] }),
      'https://news.example.com',
    )
    expect(urls).toEqual(
      ['topics/qijiang', 'people/shi-liang'].flatMap((name) =>
        ['rss', 'atom', 'json'].map((ext) => `https://news.example.com/feeds/${name}.${ext}`),
      ),
    )
  })

  it('lists nothing for a publish that changed nothing', () => {
    expect(changedFeedUrls(report(), 'https://news.example.com')).toEqual([])
  })
})

describe("each edition's changes", () => {
  const hans = { ...emptyChanges(), changed: ['a'], pages: ['/articles/a', '/articles/a/s1'] }
  const hant = {
    ...emptyChanges(),
    added: ['b'],
    feedChanged: true,
    subjectFeeds: ['people/shi-liang'],
    pages: ['/articles/b'],
  }

  it("names the Traditional edition's feeds under /zh-tw after the original's", () => {
    expect(changedEditionFeedUrls({ hans, hant }, 'https://news.example.com/')).toEqual([
      'https://news.example.com/feeds/a.rss',
      'https://news.example.com/feeds/a.atom',
      'https://news.example.com/feeds/a.json',
      'https://news.example.com/zh-tw/feeds/b.rss',
      'https://news.example.com/zh-tw/feeds/b.atom',
      'https://news.example.com/zh-tw/feeds/b.json',
      'https://news.example.com/zh-tw/feeds/all.rss',
      'https://news.example.com/zh-tw/feeds/all.atom',
      'https://news.example.com/zh-tw/feeds/all.json',
      'https://news.example.com/zh-tw/feeds/people/shi-liang.rss',
      'https://news.example.com/zh-tw/feeds/people/shi-liang.atom',
      'https://news.example.com/zh-tw/feeds/people/shi-liang.json',
    ])
  })

  it("names each edition's changed pages once, under its own path", () => {
    expect(
      changedPageUrls(
        { hans: { ...hans, pages: [...hans.pages, '/articles/a'] }, hant },
        'https://x.example',
      ),
    ).toEqual([
      'https://x.example/articles/a',
      'https://x.example/articles/a/s1',
      'https://x.example/zh-tw/articles/b',
    ])
    expect(changedPageUrls({ hans }, 'https://x.example')).toHaveLength(2)
  })
})

describe('pingHub', () => {
  it('posts hub.mode=publish with each feed URL as a form', async () => {
    const seen: string[] = []
    const hub = createServer((req, res) => {
      let body = ''
      req.on('data', (d) => (body += d))
      req.on('end', () => {
        seen.push(`${req.method} ${req.headers['content-type']} ${body}`)
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r))
    const { port } = hub.address() as AddressInfo
    try {
      const results = await pingHub(`http://127.0.0.1:${port}/`, ['https://n.example/feeds/all.rss'])
      expect(results).toEqual([{ url: 'https://n.example/feeds/all.rss', status: 204 }])
      expect(seen).toEqual([
        'POST application/x-www-form-urlencoded hub.mode=publish&hub.url=https%3A%2F%2Fn.example%2Ffeeds%2Fall.rss',
      ])
    } finally {
      hub.close()
    }
  })

  it('reports an unreachable hub without throwing', async () => {
    const results = await pingHub('http://127.0.0.1:9/', ['https://n.example/feeds/all.rss'])
    expect(results[0]?.status).toBe('failed')
  })
})
