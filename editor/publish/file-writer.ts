/**
 * Files written by a thread of their own, so the process goes on meanwhile: a publish builds its next batch while
 * the one before is written (batch-writer.ts), and a batch's values are hundreds of megabytes of new files. Bytes
 * in shared memory (kept-bytes.ts keeps values there) reach the thread without a copy; other bytes are copied. A
 * few files (an edit's) are written at once in this thread, which costs less than a message to the other.
 */
import { writeFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'

/** Bytes from which files are written on the thread (it takes tens of milliseconds to start). */
const OFF_THREAD_MIN = 8 << 20

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
  // A thread that failed or stopped fails what it was asked; the next request starts another.
  const stopped = (e: Error) => {
    if (thread === started) thread = null
    for (const w of waiting.values()) w.fail(e)
    waiting.clear()
  }
  started.on('error', stopped)
  started.on('exit', (code) => stopped(new Error(`the file writer thread stopped (exit ${code})`)))
  thread = started
  return started
}

/**
 * Writes each `[path, bytes]` (a file created or replaced), on the writer thread when they are many bytes; resolves
 * once all are written.
 */
export function writeFiles(files: readonly [string, Uint8Array][]): Promise<void> {
  if (files.length === 0) return Promise.resolve()
  if (files.reduce((n, [, data]) => n + data.byteLength, 0) < OFF_THREAD_MIN) {
    try {
      for (const [path, data] of files) writeFileSync(path, data)
      return Promise.resolve()
    } catch (error) {
      return Promise.reject(error)
    }
  }
  const w = writer()
  const id = ++asked
  w.ref()
  return new Promise((done, fail) => {
    waiting.set(id, { done, fail })
    w.postMessage({ id, files })
  })
}
