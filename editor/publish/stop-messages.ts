/** Why a publish must not write, said so that an editor knows what to do. */
import type { PublishReport } from './build-entries.ts'

/** One message per reason; empty when publishing is safe. */
export function stopMessages(r: PublishReport, root: string): string[] {
  const out: string[] = []
  if (r.missing.length > 0)
    out.push(
      `these articles are published but not in ${root}/articles/: ${r.missing.join(', ')}. Publish never deletes an article it does not have. If a colleague published them, pull (git pull) and publish again; to take one down, keep its file and add "withdrawn: <time> <reason>" to its front matter; if you renamed it, add "aliases: <old slug>" to the renamed file.`,
    )
  for (const slug of r.reverts)
    out.push(
      `${root}/articles/${slug}.md is an older version of ${slug} than the one published (publishing it would revert a colleague's edit): pull and publish again, or pass --allow-revert ${slug} to publish this version on purpose.`,
    )
  out.push(...r.blockers)
  return out
}
