/** A TCP port on 127.0.0.1 the OS says is free right now: for the Worker behind the preview, tests and benchmarks. */
import { createServer } from 'node:net'

/** Asks the OS for a free port and releases it at once (whoever listens next takes it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}
