/** Containment: nothing publish reads may come from outside the content folder, whatever links point where. */
import { realpathSync } from 'node:fs'
import path from 'node:path'

/** Each root resolved once (a check reads thousands of files under one root). */
const realRoots = new Map<string, string>()

/**
 * Why `file` is not inside `root` once every symbolic link is resolved ("is a link to /etc/passwd, outside the
 * content folder"), or undefined when it is inside (or does not exist: the caller reports that).
 */
export function leavesRoot(root: string, file: string): string | undefined {
  let real: string
  let realRoot: string
  try {
    realRoot = realRoots.get(root) ?? realpathSync.native(root)
    realRoots.set(root, realRoot)
    real = realpathSync.native(file)
  } catch {
    return undefined
  }
  const rel = path.relative(realRoot, real)
  if (rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))
    return undefined
  return `is a link to ${real}, outside the content folder`
}
