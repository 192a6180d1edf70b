/** The partner origin for browser tests: pages under a strict CSP with hostile CSS, as a real partner might have. */
import { createServer, type Server } from 'node:http'

/** What the pages of one test need. */
export interface PageOptions {
  /** Markup inside <body>. */
  body: string
  /** Script URLs, in order (include one twice to test double inclusion). */
  scripts?: string[]
  /** Strict CSP + hostile CSS (default true). Off for axe, whose script the CSP would rightly block. */
  strict?: boolean
  lang?: string
}

/** A running partner origin. */
export interface PartnerServer {
  origin: string
  /** Registers a page and returns its URL. */
  page(options: PageOptions): string
  close(): Promise<void>
}

/** The CSS a careless partner site might have: it must not reach inside the widget. */
export const HOSTILE_CSS = '* {box-sizing: content-box} img {display:none} a {color: red !important}'

/** Starts the partner server; `feedOrigin` is the only origin its CSP lets scripts, fetches and images come from. */
export async function startPartnerServer(feedOrigin: string): Promise<PartnerServer> {
  const pages = new Map<string, PageOptions>()
  const csp = [
    "default-src 'none'",
    `script-src ${feedOrigin}`,
    `connect-src ${feedOrigin}`,
    `img-src ${feedOrigin}`,
    "style-src 'self'",
  ].join('; ')
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/hostile.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(HOSTILE_CSS)
      return
    }
    const options = pages.get(path)
    if (!options) {
      res.writeHead(404).end()
      return
    }
    const strict = options.strict ?? true
    const scripts = (options.scripts ?? [])
      .map((s) => `<script type="module" src="${s}"></script>`)
      .join('\n')
    const html = `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>Partner page</title>
${strict ? '<link rel="stylesheet" href="/hostile.css">' : ''}${scripts}</head><body><main>${options.body}</main></body></html>`
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(strict ? { 'content-security-policy': csp } : {}),
    })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('server has no port')
  const { port } = address
  let next = 0
  return {
    origin: `http://127.0.0.1:${port}`,
    page(options) {
      const path = `/page-${++next}`
      pages.set(path, options)
      return `http://127.0.0.1:${port}${path}`
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
