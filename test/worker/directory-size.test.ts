/** A full page of the topic or people list stays a response a crawler and a phone take (≤ 200 KB). */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { keys } from '../../model/store-keys.ts'
import { DIRECTORY_PAGE_SIZE, type DirectoryEntry } from '../../model/store-values.ts'
import { request } from './seed.ts'

describe('the topic and people lists at volume', () => {
  for (const kind of ['topic', 'person'] as const)
    it(`keeps a full ${kind} list page of long names and descriptions under 200 KB`, async () => {
      const entries: DirectoryEntry[] = Array.from({ length: DIRECTORY_PAGE_SIZE }, (_, i) => ({
        kind,
        id: `a-subject-id-of-forty-characters-num-${String(i).padStart(3, '0')}`,
        name: '名'.repeat(30),
        description: '简介'.repeat(40),
        ...(kind === 'topic' ? { medtop: 'medtop:20000001' } : {}),
        updated: '2026-11-30T10:00:00+08:00',
      }))
      await env.CONTENT.put(
        keys.directoryPage(kind, 1),
        JSON.stringify({ version: `${kind}-full`, page: 1, pages: 2, entries }),
      )
      const res = await request(kind === 'topic' ? '/topics' : '/people')
      expect(res.status).toBe(200)
      const bytes = (await res.arrayBuffer()).byteLength
      expect(bytes).toBeGreaterThan(DIRECTORY_PAGE_SIZE * 300)
      expect(bytes).toBeLessThan(200_000)
    })
})
