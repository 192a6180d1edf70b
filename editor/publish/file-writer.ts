/**
 * Files written by a thread of their own, so the process goes on meanwhile: a publish builds its next batch while
 * the one before is written (run-publish.ts), and a batch's values are hundreds of megabytes of new files. Bytes
 * in shared memory (kept-bytes.ts keeps values there) reach the thread without a copy; other bytes are copied.
 */
import { Worker } from 'node:worker_threads'

/** The thread's program: each request's files written in order, at once, then one answer. */
const PROGRAM = `
const { parentPort } = require('node:worker_threads')
const { writeFileSync } = require('node:fs')
parentPort.on('message', ({ id, files }) => {
  try {
    for (const [path, data] of files) writeFileSync(path, data)
    parentPort.postMessage({ id })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) })
  }
})
`

let thread: Worker | null = null
let asked = 0
const waiting = new Map<number, { done: () => void; fail: (e: Error) => void }>()

function writer(): Worker {
  if (thread) return thread
  const started = new Worker(PROGRAM, { eval: true })
  started.on('message', ({ id, error }: { id: number; error?: string }) => {
    const w = waiting.get(id)
    waiting.delete(id)
    if (waiting.size === 0) started.unref() // an idle writer keeps no process alive
    if (error === undefined) w?.done()
    else w?.fail(new Error(error))
  })
  started.on('error', (e) => {
    for (const w of waiting.values()) w.fail(e)
    waiting.clear()
    thread = null
  })
  thread = started
  return started
}

/** Writes each `[path, bytes]` (a file created or replaced) on the writer thread; resolves once all are written. */
export function writeFilesOffThread(files: readonly [string, Uint8Array][]): Promise<void> {
  if (files.length === 0) return Promise.resolve()
  const w = writer()
  const id = ++asked
  w.ref()
  return new Promise((done, fail) => {
    waiting.set(id, { done, fail })
    w.postMessage({ id, files })
  })
}
