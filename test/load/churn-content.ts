/** Keeps changing a content tree and publishing it to local KV while a load runs: edits, additions, withdrawals. */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runPublish } from '../../editor/publish/run-publish.ts'
import { generateContent } from '../helpers/generate-content.ts'

export interface ChurnStats {
  publishes: number
  failures: string[]
}

/** Publishes `root` into `persistTo` once; returns a failure message or null. */
export async function publishOnce(root: string, persistTo: string): Promise<string | null> {
  const outcome = await runPublish({
    root,
    target: { mode: 'local', binding: 'CONTENT', cwd: process.cwd(), persistTo },
    dryRun: false,
    now: new Date(),
    cacheDir: '.cache/renditions',
    log: () => {},
  })
  return outcome.ok ? null : outcome.problems.join('\n')
}

/**
 * Until `signal` aborts, alternates two publishes so that even a short run covers every kind of change:
 * (1) a new article is added and the seed article edited; (2) that article is withdrawn and the seed edited
 * again (never back to an earlier text: publish would stop, taking it for a stale checkout's revert).
 */
export async function churn(root: string, persistTo: string, signal: AbortSignal): Promise<ChurnStats> {
  const stats: ChurnStats = { publishes: 0, failures: [] }
  const seed = join(root, 'articles', 'qijiang-strategic-pivot.md')
  const original = await readFile(seed, 'utf8')
  for (let round = 0; !signal.aborted; round++) {
    const added = 1000 + Math.floor(round / 2)
    if (round % 2 === 0) {
      await generateContent(root, { articles: 1, sections: 3, photos: 1, firstIndex: added })
    } else {
      const file = join(root, 'articles', `bench-article-${added}.md`)
      const text = await readFile(file, 'utf8')
      await writeFile(
        file,
        text.replace('\n---\n', '\nwithdrawn: 2026-11-27T10:00:00+08:00 负载测试撤稿\n---\n'),
      )
    }
    await writeFile(
      seed,
      original.replace('綦江具有得天独厚的区位优势。', `綦江具有得天独厚的区位优势（第 ${round} 次修订）。`),
    )
    try {
      const failure = await publishOnce(root, persistTo)
      if (failure) stats.failures.push(failure)
      else stats.publishes++
    } catch (e) {
      stats.failures.push(e instanceof Error ? e.message : String(e))
    }
  }
  return stats
}
