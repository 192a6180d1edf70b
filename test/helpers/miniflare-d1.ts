/** A fresh, empty D1 database in workerd (Miniflare in-process), for tests of the federation Worker's D1 code. */
import { Miniflare } from 'miniflare'

export interface TestD1 {
  db: D1Database
  dispose(): Promise<void>
}

export async function startD1(): Promise<TestD1> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response("") }',
    d1Databases: ['FEDI_DB'],
  })
  const db = (await mf.getD1Database('FEDI_DB')) as unknown as D1Database
  return { db, dispose: () => mf.dispose() }
}
