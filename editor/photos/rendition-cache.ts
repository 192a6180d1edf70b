/**
 * Renditions on disk by source hash + recipe + rights (`.cache/renditions/`, git-ignored): a re-publish of unchanged
 * photos reads files instead of encoding. Files are content-addressed and shared; a manifest per key lists them.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { EncodedRendition } from './encode-renditions.ts'

type ManifestLine = Omit<EncodedRendition, 'bytes'>

/** The renditions cached under `key`, or undefined when any file is missing or unreadable (then encode again). */
export async function readCachedRenditions(
  dir: string,
  key: string,
): Promise<EncodedRendition[] | undefined> {
  let lines: ManifestLine[]
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, `${key}.json`), 'utf8'))
    if (!Array.isArray(parsed)) return undefined
    lines = parsed.filter(
      (l): l is ManifestLine =>
        typeof l?.name === 'string' &&
        /^[0-9a-f]{32}\.[a-z]+$/.test(l.name) &&
        typeof l.type === 'string' &&
        Number.isInteger(l.width) &&
        Number.isInteger(l.height),
    )
    if (lines.length !== parsed.length || lines.length === 0) return undefined
    const out: EncodedRendition[] = []
    for (const l of lines) {
      const bytes = new Uint8Array(await readFile(path.join(dir, 'files', l.name)))
      out.push({ name: l.name, type: l.type, width: l.width, height: l.height, bytes })
    }
    return out
  } catch {
    return undefined
  }
}

/** Stores renditions under `key`; each file and the manifest appear atomically (written aside, then renamed). */
export async function writeCachedRenditions(
  dir: string,
  key: string,
  renditions: readonly EncodedRendition[],
): Promise<void> {
  await mkdir(path.join(dir, 'files'), { recursive: true })
  const atomic = async (file: string, data: string | Uint8Array) => {
    // Unique per write: two photos with the same pixels and rights make the same file, possibly at once.
    const aside = `${file}.${randomUUID()}.tmp`
    await writeFile(aside, data)
    await rename(aside, file)
  }
  for (const r of renditions) await atomic(path.join(dir, 'files', r.name), r.bytes)
  const manifest: ManifestLine[] = renditions.map(({ name, type, width, height }) => ({
    name,
    type,
    width,
    height,
  }))
  await atomic(path.join(dir, `${key}.json`), JSON.stringify(manifest))
}
