/**
 * Files a publish writes (local KV's blob files): many bytes are written by a thread of their own, a few in the
 * calling one, and either way each file holds exactly its bytes (editor/publish/file-writer.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFiles } from '../../editor/publish/file-writer.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-file-writer-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** `n` bytes of a pattern that differs per file, in shared memory when `shared`. */
function bytes(n: number, seed: number, shared: boolean): Uint8Array {
  const out = shared ? new Uint8Array(new SharedArrayBuffer(n + 16)).subarray(16) : new Uint8Array(n)
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff
  return out
}

describe('writing files', () => {
  it('writes many megabytes (on the writer thread), shared or not, each file exactly its bytes', async () => {
    const files: [string, Uint8Array][] = [0, 1, 2, 3].map((k) => [
      join(dir, `large-${k}`),
      bytes(3_000_000 + k, k, k % 2 === 0),
    ])
    await writeFiles(files)
    for (const [path, data] of files) expect(Buffer.compare(await readFile(path), data)).toBe(0)
  })

  it('writes a few small files, each exactly its bytes', async () => {
    const files: [string, Uint8Array][] = [0, 1].map((k) => [join(dir, `small-${k}`), bytes(100, k, false)])
    await writeFiles(files)
    for (const [path, data] of files) expect(Buffer.compare(await readFile(path), data)).toBe(0)
  })

  it('fails when a file cannot be written, on the thread and here', async () => {
    const missing = join(dir, 'no-such-folder', 'blob')
    await expect(writeFiles([[missing, bytes(9_000_000, 1, true)]])).rejects.toThrow(/ENOENT/)
    await expect(writeFiles([[missing, bytes(10, 1, false)]])).rejects.toThrow(/ENOENT/)
  })
})
