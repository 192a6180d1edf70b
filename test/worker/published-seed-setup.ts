/**
 * Vitest globalSetup of the worker project, in Node: builds the seed with the real publisher (check, renditions,
 * buildEntries, none of which can run inside workerd) and provides its KV entries (the Traditional edition's
 * too) to the worker tests, so they can
 * serve exactly what `content:publish` writes instead of a copy of its logic.
 */
import type { TestProject } from 'vitest/node'
import { buildSeedEntries, buildSeedHantEntries } from '../helpers/build-seed-entries.ts'

/** A KV entry as it crosses into workerd: bytes as base64, text as is. */
export interface ProvidedEntry {
  key: string
  text?: string
  base64?: string
  metadata: Record<string, unknown>
}

declare module 'vitest' {
  export interface ProvidedContext {
    publishedSeed: ProvidedEntry[]
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const built = await buildSeedEntries()
  const original = [...built.pages, ...built.heads, ...built.commits]
  project.provide(
    'publishedSeed',
    [...built.media, ...original, ...buildSeedHantEntries(original)].map((e) => ({
      key: e.key,
      ...(typeof e.value === 'string'
        ? { text: e.value }
        : { base64: Buffer.from(e.value).toString('base64') }),
      metadata: e.metadata,
    })),
  )
}
