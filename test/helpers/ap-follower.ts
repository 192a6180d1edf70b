/** Runs test/helpers/ap-follower.py (an ActivityPub follower written from the specs in Python) on a free port. */
import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../../editor/preview/free-port.ts'

/** What one of its inboxes took: whether the signature verified (and why not), and the activity. */
export interface Received {
  path: string
  verified: boolean
  reason: string
  activity: { id?: string; type?: string; [k: string]: unknown } | null
}

export interface Follower {
  origin: string
  actor: string
  /** POSTs a command to /control/{name} and returns its JSON answer. */
  control<T = Record<string, unknown>>(name: string, body?: unknown): Promise<T>
  received(): Promise<Received[]>
  /** Polls what it received until `pick` finds something, for at most `ms`; the error names `what`. */
  waitFor(what: string, pick: (r: Received[]) => boolean, ms?: number): Promise<Received[]>
  stop(): void
}

export async function startFollower(): Promise<Follower> {
  const port = await freePort()
  const child: ChildProcess = spawn('/usr/bin/python3', ['test/helpers/ap-follower.py', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stderr?.on('data', (d) => (log += d))
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`ap-follower.py did not start within 10 s:\n${log}`)),
      10_000,
    )
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer)
        done()
      }
    })
  })
  const origin = `http://127.0.0.1:${port}`
  const control = async <T>(name: string, body: unknown = {}): Promise<T> => {
    const res = await fetch(`${origin}/control/${name}`, { method: 'POST', body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`follower /control/${name}: ${res.status} ${await res.text()}\n${log}`)
    return (await res.json()) as T
  }
  const received = async () => (await (await fetch(`${origin}/control/received`)).json()) as Received[]
  return {
    origin,
    actor: `${origin}/users/alice`,
    control,
    received,
    async waitFor(what, pick, ms = 30_000) {
      const deadline = Date.now() + ms
      for (;;) {
        const got = await received()
        if (pick(got)) return got
        if (Date.now() > deadline)
          throw new Error(`waited ${ms} ms for ${what}; the follower got:\n${JSON.stringify(got, null, 1)}`)
        await new Promise((r) => setTimeout(r, 250))
      }
    },
    stop: () => child.kill('SIGTERM'),
  }
}
