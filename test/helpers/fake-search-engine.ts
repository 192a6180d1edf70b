/** A local stand-in for IndexNow and Baidu's URL push on 127.0.0.1: records every request exactly as it arrived. */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path and query, e.g. `/urls?site=…&token=…`. */
  url: string
  contentType: string
  body: string
}

export interface FakeSearchEngine {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/** Answers every request with `status` (IndexNow: 200 or 202 accepted; 403 a wrong key; 429 too many). */
export async function startFakeSearchEngine(status = 200): Promise<FakeSearchEngine> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'] ?? '',
        body,
      })
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? '' : 'refused by the fake')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
