/**
 * The settings a wrangler config declares, read line by line: enough TOML for wrangler.toml as written (tables,
 * `key = value`, inline tables), so the docs test needs no parser dependency. Not a general TOML reader.
 */
import { readFileSync } from 'node:fs'

/** One setting the operators' table must name. */
export interface WranglerSetting {
  name: string
  /** Where it comes from, for the failure message: `[vars]`, `kv_namespaces binding`, `[triggers] crons`… */
  kind: string
  /** What the row must show: the default of a var (`""` when empty), each cron expression. */
  mustShow: string[]
  /** The config file and line. */
  where: string
}

/** Tables whose entries name a binding with `binding = "NAME"`. */
const BINDING_TABLES =
  /^(kv_namespaces|d1_databases|r2_buckets|services|queues\.producers|assets|analytics_engine_datasets|vectorize|hyperdrive|ai|browser|send_email|workflows|images|version_metadata|dispatch_namespaces|mtls_certificates|secrets_store_secrets)$/

/** Every `[vars]` key, binding, queue consumer, Durable Object and cron trigger in a wrangler.toml. */
export function wranglerSettings(path: string): WranglerSetting[] {
  const out: WranglerSetting[] = []
  let table = ''
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const where = `${path}:${i + 1}`
      const text = raw.replace(/\s+#.*$/, '').trim()
      if (text === '' || text.startsWith('#')) return
      const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(text)
      if (header) {
        table = (header[1] ?? '').replace(/^env\.[^.]+\./, '')
        return
      }
      const kv = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(text)
      if (!kv) return
      const key = kv[1] ?? ''
      const value = kv[2] ?? ''
      if (table === 'vars') out.push({ name: key, kind: '[vars]', mustShow: [showDefault(value)], where })
      else if (table === 'triggers' && key === 'crons')
        out.push({ name: 'crons', kind: '[triggers]', mustShow: stringsIn(value), where })
      else if ((table === 'durable_objects.bindings' || table === 'ratelimits') && key === 'name')
        out.push({ name: firstString(value), kind: `${table} binding`, mustShow: [], where })
      else if (table === 'queues.consumers' && key === 'queue')
        out.push({ name: firstString(value), kind: 'queue consumer', mustShow: [], where })
      else if (BINDING_TABLES.test(table) && key === 'binding')
        out.push({ name: firstString(value), kind: `${table} binding`, mustShow: [], where })
      // Inline tables: kv_namespaces = [{ binding = "X", id = "…" }], durable_objects = { bindings = [{ name = … }] }
      else
        for (const m of value.matchAll(/\b(binding|name)\s*=\s*"([^"]+)"/g))
          if (m[1] === 'binding' || key.startsWith('durable_objects'))
            out.push({ name: m[2] ?? '', kind: `${key} binding`, mustShow: [], where })
    })
  return out
}

const stringsIn = (value: string): string[] =>
  [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '')

const firstString = (value: string): string => stringsIn(value)[0] ?? value

/** A var's default as the settings table writes it: the quoted TOML string (`""` when empty), or the bare value. */
const showDefault = (value: string): string => (value.startsWith('"') ? `"${firstString(value)}"` : value)
