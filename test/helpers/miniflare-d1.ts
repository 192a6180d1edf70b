/** A fresh, empty D1 database and KV namespace in workerd (Miniflare in-process), for the federation Worker's code. */
import { Miniflare } from 'miniflare'

export interface TestD1 {
  db: D1Database
  kv: KVNamespace
  dispose(): Promise<void>
}

export async function startD1(): Promise<TestD1> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response("") }',
    d1Databases: ['FEDI_DB'],
    kvNamespaces: ['CONTENT'],
  })
  const db = (await mf.getD1Database('FEDI_DB')) as unknown as D1Database
  const kv = (await mf.getKVNamespace('CONTENT')) as unknown as KVNamespace
  return { db, kv, dispose: () => mf.dispose() }
}
