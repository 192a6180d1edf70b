/**
 * The preview's own HTTP server: it proxies every request to the local Worker (wrangler dev), injects the reload
 * script into HTML pages, and serves `/__preview/events` (server-sent events) and `/__preview/reload.js`. The
 * production Worker knows nothing of this: the endpoints exist only in this Node process.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { RELOAD_SCRIPT } from './reload-script.ts'

/** What the open pages need to know: the publish they show (version) and the problems blocking the next one. */
export interface PreviewState {
  version: number
  problems: string[]
}

export interface PreviewServer {
  url: string
  /** Sends the new state to every open page (they reload when the version moved). */
  publish(state: PreviewState): void
  close(): Promise<void>
}

/**
 * Response headers the proxy must not copy: bodies are re-sent whole (pages rewritten), and every save must show.
 * Content-Encoding is copied with the bytes it describes, except on pages, which are decoded to be rewritten.
 */
const DROP = new Set(['content-length', 'transfer-encoding', 'connection', 'etag', 'last-modified'])

/** Starts the server on 127.0.0.1:`port` in front of `upstream` (the Worker's origin). */
export async function startPreviewServer(
  upstream: string,
  port: number,
  initial: PreviewState,
): Promise<PreviewServer> {
  let state = initial
  const streams = new Set<ServerResponse>()
  const send = (res: ServerResponse) => res.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`)

  const server = createServer((req, res) => {
    const path = req.url ?? '/'
    if (path === '/__preview/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
      streams.add(res)
      send(res)
      req.on('close', () => streams.delete(res))
    } else if (path === '/__preview/reload.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      res.end(RELOAD_SCRIPT)
    } else {
      proxy(req, res, upstream, () => state.version).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(`preview: the local Worker did not answer (${String(error)})`)
      })
    }
  })
  // Keeps event streams open through idle proxies; never keeps the process alive on its own.
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(': keep-alive\n\n')
  }, 15_000)
  keepAlive.unref()
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${port}`,
    publish(next) {
      state = next
      for (const s of streams) send(s)
    },
    close: () =>
      new Promise<void>((done) => {
        clearInterval(keepAlive)
        for (const s of streams) s.end()
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}

/**
 * Forwards to the Worker with the browser's Host, so the pages' absolute URLs point at the preview, not behind it.
 * It asks for identity (gzip gains nothing on a local hop), which the Worker honours for every type, so any client,
 * one that takes no gzip included, can read what the preview sends.
 */
function forward(req: IncomingMessage, upstream: string): Promise<IncomingMessage> {
  const headers = { ...req.headers, 'accept-encoding': 'identity' }
  delete headers['if-none-match']
  delete headers['if-modified-since']
  return new Promise((done, fail) => {
    const out = request(`${upstream}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers }, done)
    out.on('error', fail)
    req.pipe(out)
  })
}

async function proxy(req: IncomingMessage, res: ServerResponse, upstream: string, version: () => number) {
  const answer = await forward(req, upstream)
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !DROP.has(k)) out[k] = v
  const chunks: Buffer[] = []
  for await (const chunk of answer) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks)
  const status = answer.statusCode ?? 502
  if (!String(answer.headers['content-type'] ?? '').startsWith('text/html')) {
    res.writeHead(status, out)
    res.end(body)
    return
  }
  const script = `<script src="/__preview/reload.js" data-version="${version()}"></script>`
  const decoded = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body
  const html = decoded.toString('utf8').replace(/<\/body>/i, `${script}</body>`)
  delete out['content-encoding']
  res.writeHead(status, { ...out, 'cache-control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : html)
}
