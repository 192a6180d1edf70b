/**
 * A fresh, empty D1 database, KV namespace and delivery queue in workerd (Miniflare in-process), for the federation
 * Worker's code. Nothing consumes the queue: what a run sent is in D1 (`activities`, `deliveries`).
 */
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll } from 'vitest'
import type { DeliveryMessage } from '../../fediverse/deliver.ts'
import { ensureSchema } from '../../fediverse/schema.ts'

export interface TestD1 {
  db: D1Database
  kv: KVNamespace
  queue: Queue<DeliveryMessage>
  dispose(): Promise<void>
}

export async function startD1(): Promise<TestD1> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response("") }',
    d1Databases: ['FEDI_DB'],
    kvNamespaces: ['CONTENT'],
    queueProducers: { DELIVERY: { queueName: 'delivery' } },
  })
  const db = (await mf.getD1Database('FEDI_DB')) as unknown as D1Database
  const kv = (await mf.getKVNamespace('CONTENT')) as unknown as KVNamespace
  const queue = (await mf.getQueueProducer('DELIVERY')) as unknown as Queue<DeliveryMessage>
  return { db, kv, queue, dispose: () => mf.dispose() }
}

/** A fresh database with the federation Worker's tables for the calling file: started before its tests, disposed after. */
export function useFederationD1(): () => TestD1 {
  let d1: TestD1 | undefined
  beforeAll(async () => {
    d1 = await startD1()
    await ensureSchema(d1.db)
  }, 60_000)
  afterAll(async () => {
    await d1?.dispose()
  })
  return () => {
    if (!d1) throw new Error('the federation D1 is used before its beforeAll ran')
    return d1
  }
}
