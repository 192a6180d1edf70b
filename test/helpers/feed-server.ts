/** The feed origin for browser tests: serves the built widget, JSON Feed fixtures and images, and can hold or fail. */
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** One request as the server saw it. */
export interface SeenRequest {
  path: string
  cookie: string | undefined
  origin: string | undefined
  /** The client went away before the response ended (e.g. the widget aborted the fetch). */
  aborted: boolean
}

/** A running feed origin; every instance is fresh, with its own log and rules. */
export interface FeedServer {
  origin: string
  seen: SeenRequest[]
  /** Holds responses to `path` until the returned function is called. */
  hold(path: string): () => void
  /** Answers `path` with `status` for the next `times` requests. */
  fail(path: string, status: number, times: number): void
  close(): Promise<void>
}

const svg = (label: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="#7a8b99"/><text x="40" y="120" font-size="80">${label.replace(/[^\w-]/g, '')}</text></svg>`

/**
 * Static files this origin serves besides the fixtures: the real build output plus test-only bundles, and feeds
 * rendered by the test (`.json`: served as JSON Feed, `__ORIGIN__` replaced by this origin as in the fixtures).
 */
export type ExtraFiles = Readonly<Record<string, string>>

/** Starts the server on a free loopback port. `/widget*.js` come from dist/assets (run `npm run build` first). */
export async function startFeedServer(extra: ExtraFiles = {}): Promise<FeedServer> {
  const holds = new Map<string, Promise<void>>()
  const failures = new Map<string, { status: number; times: number }>()
  const seen: SeenRequest[] = []
  let origin = ''
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const entry: SeenRequest = {
      path,
      cookie: req.headers.cookie,
      origin: req.headers.origin,
      aborted: false,
    }
    seen.push(entry)
    res.on('close', () => {
      entry.aborted = !res.writableFinished
    })
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('cache-control', 'no-store')
    await holds.get(path)
    const failure = failures.get(path)
    if (failure && failure.times > 0) {
      failure.times--
      res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('failed on purpose')
      return
    }
    try {
      if (path.startsWith('/feeds/')) {
        const text = await readFile(
          `${root}test/fixtures/feeds/${path.slice(7).replace(/[^\w.-]/g, '')}`,
          'utf8',
        )
        res.writeHead(200, { 'content-type': 'application/feed+json; charset=utf-8' })
        res.end(text.replaceAll('__ORIGIN__', origin))
      } else if (path.startsWith('/media/')) {
        res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg(path.slice(7)))
      } else if (/^\/widget(\.[0-9a-f]{8})?\.js$/.test(path) || path === '/embed-builder.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' })
        res.end(await readFile(`${root}dist/assets${path}`))
      } else if (extra[path] !== undefined && path.endsWith('.json')) {
        res.writeHead(200, { 'content-type': 'application/feed+json; charset=utf-8' })
        res.end(extra[path].replaceAll('__ORIGIN__', origin))
      } else if (extra[path] !== undefined) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(extra[path])
      } else {
        res.writeHead(404).end()
      }
    } catch {
      if (!res.headersSent) res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('server has no port')
  const { port } = address
  origin = `http://127.0.0.1:${port}`
  return {
    origin,
    seen,
    hold(path) {
      let release = (): void => {}
      holds.set(
        path,
        new Promise<void>((resolve) => {
          release = resolve
        }),
      )
      return () => {
        holds.delete(path)
        release()
      }
    },
    fail(path, status, times) {
      failures.set(path, { status, times })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
