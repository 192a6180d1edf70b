/** IndexNow and Baidu's URL push, against a local fake that records exactly what was sent. */
import { afterEach, describe, expect, it } from 'vitest'
import { notifySearchEngines, searchEngineSettings } from '../../model/notify-search-engines.ts'
import { type FakeSearchEngine, startFakeSearchEngine } from '../helpers/fake-search-engine.ts'

let fake: FakeSearchEngine | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const pages = (n: number) => Array.from({ length: n }, (_, i) => `https://news.example.com/articles/a-${i}`)

describe('notifySearchEngines', () => {
  it('posts IndexNow JSON {host, key, keyLocation, urlList} with each URL once', async () => {
    fake = await startFakeSearchEngine(202)
    const results = await notifySearchEngines(
      {
        baseUrl: 'https://news.example.com',
        indexNow: { key: 'k3y-0123456789', endpoint: `${fake.url}/indexnow` },
      },
      [...pages(3), 'https://news.example.com/articles/a-1'],
    )
    expect(results).toEqual([{ engine: 'indexnow', urls: 3, status: 202 }])
    expect(fake.requests).toHaveLength(1)
    const [sent] = fake.requests
    expect(sent?.method).toBe('POST')
    expect(sent?.url).toBe('/indexnow')
    expect(sent?.contentType).toBe('application/json; charset=utf-8')
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      host: 'news.example.com',
      key: 'k3y-0123456789',
      keyLocation: 'https://news.example.com/k3y-0123456789.txt',
      urlList: pages(3),
    })
  })

  it('sends at most 10,000 URLs per IndexNow request', async () => {
    fake = await startFakeSearchEngine()
    const all = pages(10_001)
    const results = await notifySearchEngines(
      { baseUrl: 'https://news.example.com', indexNow: { key: 'k3y-0123456789', endpoint: fake.url } },
      all,
    )
    expect(results.map((r) => r.urls)).toEqual([10_000, 1])
    const lists = fake.requests.map((r) => (JSON.parse(r.body) as { urlList: string[] }).urlList)
    expect(lists.flat()).toEqual(all)
  })

  it('pushes to Baidu as text/plain, one URL a line, naming the site and the token in the query', async () => {
    fake = await startFakeSearchEngine()
    const results = await notifySearchEngines(
      { baseUrl: 'https://news.example.com', baidu: { token: 't0ken', endpoint: `${fake.url}/urls` } },
      pages(2),
    )
    expect(results).toEqual([{ engine: 'baidu', urls: 2, status: 200 }])
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        url: '/urls?site=https%3A%2F%2Fnews.example.com&token=t0ken',
        contentType: 'text/plain; charset=utf-8',
        body: pages(2).join('\n'),
      },
    ])
  })

  it('reports a refusal and an unreachable endpoint without throwing', async () => {
    fake = await startFakeSearchEngine(403)
    const refused = await notifySearchEngines(
      { baseUrl: 'https://news.example.com', indexNow: { key: 'k3y-0123456789', endpoint: fake.url } },
      pages(1),
    )
    expect(refused).toEqual([{ engine: 'indexnow', urls: 1, status: 403, detail: 'refused by the fake' }])
    const down = await notifySearchEngines(
      { baseUrl: 'https://news.example.com', baidu: { token: 't', endpoint: 'http://127.0.0.1:9/urls' } },
      pages(1),
    )
    expect(down[0]?.status).toBe('failed')
  })

  it('sends nothing when no URL changed', async () => {
    fake = await startFakeSearchEngine()
    const s = { baseUrl: 'https://news.example.com', indexNow: { key: 'k3y-0123456789', endpoint: fake.url } }
    expect(await notifySearchEngines(s, [])).toEqual([])
    expect(fake.requests).toEqual([])
  })
})

describe('searchEngineSettings', () => {
  it('is off unless a key or token and the base URL are set, with the default endpoints otherwise', () => {
    expect(searchEngineSettings({ baseUrl: 'https://n.example', indexNowKey: '' })).toBeNull()
    expect(searchEngineSettings({ baseUrl: '', indexNowKey: 'k3y-0123456789' })).toBeNull()
    expect(
      searchEngineSettings({ baseUrl: 'https://n.example/', indexNowKey: 'k3y-0123456789', baiduToken: 't' }),
    ).toEqual({
      baseUrl: 'https://n.example',
      indexNow: { key: 'k3y-0123456789', endpoint: 'https://api.indexnow.org/indexnow' },
      baidu: { token: 't', endpoint: 'http://data.zz.baidu.com/urls' },
    })
  })
})
