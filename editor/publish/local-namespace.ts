/**
 * Where `wrangler dev --persist-to DIR` keeps a KV binding's local data, so Node tools can open the very same
 * store with Miniflare: DIR/v3/kv, under the namespace id of the binding in wrangler.toml (wrangler's local id is
 * the configured `id`, else the binding's name). Read without loading wrangler (seconds of start-up per process).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** wrangler's state folder, where `wrangler dev` keeps local KV unless `--persist-to` names another. */
export const DEFAULT_PERSIST = '.wrangler/state'

/** How messages name a local store: "local KV (.wrangler/state)". */
export const localStoreName = (persistTo: string = DEFAULT_PERSIST): string => `local KV (${persistTo})`

export interface LocalNamespace {
  /** Miniflare's `kvPersist` folder. */
  kvPersist: string
  /** The namespace id wrangler gives the binding locally. */
  id: string
}

/**
 * The `[[kv_namespaces]]` (or `[[env.NAME.kv_namespaces]]`) entry of `binding` in wrangler.toml. Only the
 * `binding = "…"` and `id = "…"` lines of those tables are read: the rest of the file is not TOML this needs.
 */
export function localNamespace(
  cwd: string,
  binding: string,
  persistTo: string,
  env?: string,
): LocalNamespace {
  const table = env ? `[[env.${env}.kv_namespaces]]` : '[[kv_namespaces]]'
  let inTable = false
  let entry: Record<string, string> = {}
  const entries: Record<string, string>[] = []
  for (const raw of readFileSync(resolve(cwd, 'wrangler.toml'), 'utf8').split('\n')) {
    const line = raw.trim()
    if (line.startsWith('[')) {
      if (inTable) entries.push(entry)
      inTable = line === table
      entry = {}
      continue
    }
    const m = inTable ? /^(binding|id)\s*=\s*"([^"]*)"/.exec(line) : null
    if (m?.[1] && m[2] !== undefined) entry[m[1]] = m[2]
  }
  if (inTable) entries.push(entry)
  const found = entries.find((e) => e.binding === binding)
  if (!found) throw new Error(`wrangler.toml has no KV binding ${binding}${env ? ` in env ${env}` : ''}`)
  return { kvPersist: resolve(cwd, persistTo, 'v3', 'kv'), id: found.id ?? binding }
}
